// Careers site: small conveniences for the application form. The form works without them.
(function () {
    'use strict';
    // Preselect the candidate's time zone from their browser when they have not chosen one.
    var select = document.querySelector('[data-detect-time-zone]');
    if (select && !select.value && window.Intl && Intl.DateTimeFormat) {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && select.querySelector('option[value="' + zone.replace(/"/g, '') + '"]')) { select.value = zone; }
    }
    // Say which file was chosen and warn early about size and type (the server checks again, by content).
    var file = document.querySelector('[data-resume-input]');
    var note = document.getElementById('resume-choice');
    if (file && note) {
        file.addEventListener('change', function () {
            var f = file.files && file.files[0];
            if (!f) { note.textContent = ''; return; }
            var size = f.size < 1024 * 1024 ? Math.max(1, Math.round(f.size / 1024)) + ' KB' : (f.size / (1024 * 1024)).toFixed(1) + ' MB';
            var tooBig = f.size > 5 * 1024 * 1024;
            var okType = /\.(pdf|docx)$/i.test(f.name);
            note.className = 'small mt-1 ' + (tooBig || !okType ? 'text-danger' : 'text-success');
            note.textContent = tooBig ? f.name + ' is ' + size + ': the limit is 5 MB.'
                : !okType ? f.name + ' does not look like a PDF or Word (.docx) file.'
                : 'Selected: ' + f.name + ' (' + size + ')';
        });
    }
})();
