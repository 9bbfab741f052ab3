// Account pages: copy buttons for the authenticator key and recovery codes.
(function () {
    'use strict';
    document.addEventListener('click', function (event) {
        var button = event.target.closest('[data-copy-target]');
        if (!button || !navigator.clipboard) { return; }
        var source = document.querySelector(button.getAttribute('data-copy-target'));
        if (!source) { return; }
        var text = source.tagName === 'UL'
            ? Array.prototype.map.call(source.querySelectorAll('li'), function (li) { return li.textContent.trim(); }).join('\n')
            : source.textContent.trim();
        navigator.clipboard.writeText(text).then(function () {
            var label = button.innerHTML;
            button.textContent = 'Copied';
            setTimeout(function () { button.innerHTML = label; }, 1500);
        });
    });
})();
