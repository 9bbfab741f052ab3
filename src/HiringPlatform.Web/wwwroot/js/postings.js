// Posting pages: Markdown preview, screening-question rows, and small conveniences on the create form.
// Everything here is an enhancement: the forms work without it.
(function () {
    'use strict';

    document.querySelectorAll('.js-only').forEach(function (el) { el.classList.remove('js-only'); });

    // ---- Markdown: Write / Preview, rendered by the server's own sanitising renderer.
    function tokenOf(form) {
        var input = form && form.querySelector('input[name="__RequestVerificationToken"]');
        return input ? input.value : '';
    }

    document.querySelectorAll('.markdown-field').forEach(function (field) {
        var textarea = field.querySelector('textarea');
        var preview = field.querySelector('.markdown-preview');
        var buttons = field.querySelectorAll('[data-md-mode]');
        function show(mode) {
            buttons.forEach(function (b) {
                var on = b.getAttribute('data-md-mode') === mode;
                b.classList.toggle('active', on);
                b.setAttribute('aria-pressed', on ? 'true' : 'false');
            });
            textarea.classList.toggle('d-none', mode === 'preview');
            preview.classList.toggle('d-none', mode !== 'preview');
        }
        buttons.forEach(function (button) {
            button.addEventListener('click', function () {
                var mode = button.getAttribute('data-md-mode');
                if (mode === 'write') { show('write'); textarea.focus(); return; }
                var body = new FormData();
                body.append('markdown', textarea.value);
                body.append('__RequestVerificationToken', tokenOf(textarea.form));
                preview.textContent = 'Rendering…';
                show('preview');
                fetch('/postings/markdown-preview', { method: 'POST', body: body, credentials: 'same-origin' })
                    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
                    .then(function (html) {
                        // The server sanitised this HTML (no script, no handlers, no styles).
                        preview.innerHTML = html || '<p class="text-body-secondary">Nothing to preview.</p>';
                    })
                    .catch(function () { preview.textContent = 'The preview could not be loaded. Your text is safe; try again.'; });
            });
        });
    });

    // ---- Screening questions: add, remove, reorder. Names are renumbered so the list binds in page order.
    var list = document.getElementById('questions');
    var template = document.getElementById('question-template');
    function renumber() {
        if (!list) { return; }
        list.querySelectorAll('[data-question-row]').forEach(function (row, i) {
            row.querySelectorAll('[data-field]').forEach(function (input) {
                var field = input.getAttribute('data-field');
                input.name = 'Questions[' + i + '].' + field;
                input.id = 'Questions_' + i + '__' + field;
            });
            row.querySelectorAll('[data-field-label]').forEach(function (label) {
                label.htmlFor = 'Questions_' + i + '__' + label.getAttribute('data-field-label');
            });
            row.querySelectorAll('[data-valmsg-for]').forEach(function (span) { span.remove(); });
        });
    }
    document.addEventListener('click', function (event) {
        var button = event.target.closest && event.target.closest('[data-question-action]');
        if (!button || !list) { return; }
        var action = button.getAttribute('data-question-action');
        var row = button.closest('[data-question-row]');
        if (action === 'add') {
            var fresh = template.content.firstElementChild.cloneNode(true);
            list.appendChild(fresh);
            renumber();
            fresh.querySelector('[data-field="Text"]').focus();
            return;
        }
        if (!row) { return; }
        if (action === 'remove') { row.remove(); }
        if (action === 'up' && row.previousElementSibling) { list.insertBefore(row, row.previousElementSibling); }
        if (action === 'down' && row.nextElementSibling) { list.insertBefore(row.nextElementSibling, row); }
        renumber();
        if (action !== 'remove') { button.focus(); }
    });

    // ---- Time zones only matter for remote roles.
    function syncRemote() {
        var checked = document.querySelector('[data-location-type]:checked');
        document.querySelectorAll('[data-remote-only]').forEach(function (el) {
            el.classList.toggle('d-none', !!checked && checked.value !== 'Remote');
        });
    }
    document.querySelectorAll('[data-location-type]').forEach(function (radio) { radio.addEventListener('change', syncRemote); });
    syncRemote();

    // ---- New posting: the template's title is a suggestion that goes away when starting blank.
    var title = document.getElementById('Title');
    var templateRadio = document.querySelector('[data-template-title]');
    document.querySelectorAll('input[name="Start"]').forEach(function (radio) {
        radio.addEventListener('change', function () {
            if (!title || !templateRadio) { return; }
            var suggested = templateRadio.getAttribute('data-template-title');
            if (radio === templateRadio && title.value.trim() === '') { title.value = suggested; }
            if (radio !== templateRadio && title.value === suggested) { title.value = ''; title.focus(); }
        });
    });
})();
