// Debrief decision form: the rejection fields matter only when "Reject" is chosen.
(function () {
    'use strict';
    var form = document.querySelector('[data-decision-form]');
    if (!form) { return; }
    var fields = form.querySelector('[data-reject-fields]');
    function sync() {
        var chosen = form.querySelector('input[name=Kind]:checked');
        fields.classList.toggle('d-none', !chosen || chosen.value !== 'Reject');
    }
    form.addEventListener('change', function (event) { if (event.target.name === 'Kind') { sync(); } });
    sync();
})();
