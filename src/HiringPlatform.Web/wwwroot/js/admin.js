// Admin pages. Kept in a file: the Content-Security-Policy allows no inline script.
(function () {
    'use strict';
    // "Add a user": the first-password fields matter only when the admin sets the password.
    var panel = document.getElementById('first-password');
    if (panel) {
        var update = function () {
            var chosen = document.querySelector('input[data-toggle-password]:checked');
            panel.hidden = !chosen || chosen.getAttribute('data-toggle-password') !== 'show';
        };
        document.addEventListener('change', function (event) {
            if (event.target.matches('input[data-toggle-password]')) { update(); }
        });
        update();
    }
})();
