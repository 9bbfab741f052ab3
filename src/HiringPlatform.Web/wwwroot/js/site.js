// Site-wide behaviour. Kept in a file: the Content-Security-Policy allows no inline script.
(function () {
    'use strict';
    // Forms marked data-confirm ask before submitting (destructive actions).
    document.addEventListener('submit', function (event) {
        var form = event.target;
        var message = form.getAttribute('data-confirm');
        if (message && !window.confirm(message)) { event.preventDefault(); return; }
        // Show progress on slow submits (uploads) and prevent double submission.
        var button = form.querySelector('button[type=submit][data-busy-text]');
        if (button) {
            button.disabled = true;
            button.innerHTML = '<span class="spinner-border spinner-border-sm me-1" aria-hidden="true"></span>' + button.getAttribute('data-busy-text');
        }
    });
    // Selects marked data-autosubmit submit their form on change (filters).
    document.addEventListener('change', function (event) {
        var el = event.target;
        if (el.matches && el.matches('[data-autosubmit]')) { el.form.submit(); }
    });
})();
