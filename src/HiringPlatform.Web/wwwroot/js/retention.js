// "Erase all due" runs in batches: after each batch the server comes back here with the progress, and this
// submits the next batch. Without script the admin presses "Continue erasing" instead.
(function () {
    'use strict';
    var form = document.querySelector('#erase-all[data-auto-continue=true]');
    if (form) { window.setTimeout(function () { form.requestSubmit ? form.requestSubmit() : form.submit(); }, 300); }
})();
