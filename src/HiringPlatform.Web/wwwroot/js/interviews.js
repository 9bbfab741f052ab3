// Scheduling form: shows the typed time in the candidate's zone as you type, and fills a stage's defaults.
// Kept in a file: the Content-Security-Policy allows no inline script.
(function () {
    'use strict';
    var context = document.querySelector('[data-scheduler-zone]');
    var form = document.querySelector('[data-schedule-form]');
    if (!context || !form) { return; }
    var schedulerZone = context.getAttribute('data-scheduler-zone') || 'UTC';
    var candidateZone = context.getAttribute('data-candidate-zone');

    // Milliseconds the zone is ahead of UTC at the given instant.
    function offset(ms, zone) {
        var parts = {};
        new Intl.DateTimeFormat('en-US', {
            timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
            hour: '2-digit', minute: '2-digit', second: '2-digit'
        }).formatToParts(new Date(ms)).forEach(function (p) { parts[p.type] = p.value; });
        return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) - ms;
    }

    // A wall-clock "2026-11-25T15:00" in `zone` → the instant.
    function toInstant(value, zone) {
        var m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
        if (!m) { return null; }
        var wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
        var guess = wall - offset(wall, zone);
        return new Date(wall - offset(guess, zone));
    }

    // Minutes since midnight and the calendar day, in the zone.
    function wallClock(date, zone) {
        var parts = {};
        new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
            .formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
        return { minutes: +parts.hour * 60 + +parts.minute, day: parts.year + parts.month + parts.day };
    }

    var start = form.querySelector('[data-start-input]');
    var duration = form.querySelector('input[name=DurationMinutes]');
    var preview = form.querySelector('[data-zone-preview]');
    function update() {
        if (!start || !preview) { return; }
        var at = start.value ? toInstant(start.value, schedulerZone) : null;
        if (!at || !candidateZone) { preview.textContent = ''; preview.classList.remove('text-warning-emphasis'); return; }
        var minutes = duration && +duration.value > 0 ? +duration.value : 60;
        var end = new Date(at.getTime() + minutes * 60000);
        var fmt = new Intl.DateTimeFormat('en-GB', { timeZone: candidateZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
        var endFmt = new Intl.DateTimeFormat('en-GB', { timeZone: candidateZone, hour: '2-digit', minute: '2-digit' });
        var from = wallClock(at, candidateZone), to = wallClock(end, candidateZone);
        var outside = from.minutes < 8 * 60 || to.day !== from.day || to.minutes > 18 * 60;
        preview.textContent = 'For the candidate: ' + fmt.format(at) + '–' + endFmt.format(end) + ' (' + candidateZone + ')' +
            (outside ? ' — outside 08:00–18:00 for them' : '');
        preview.classList.toggle('text-warning-emphasis', outside);
        preview.classList.toggle('fw-semibold', outside);
    }
    if (start) { start.addEventListener('input', update); }
    if (duration) { duration.addEventListener('input', update); }
    update();

    // Choosing a stage brings its default duration, and its default interviewers unless the panel was picked by hand.
    var stage = form.querySelector('[data-stage-select]');
    var picker = form.querySelector('[data-interviewer-picker]');
    var touched = false;
    if (picker) { picker.addEventListener('change', function () { touched = true; }); }
    if (stage) {
        stage.addEventListener('change', function () {
            var option = stage.options[stage.selectedIndex];
            if (duration && option.getAttribute('data-duration')) { duration.value = option.getAttribute('data-duration'); }
            if (picker && !touched) {
                var defaults = (option.getAttribute('data-interviewers') || '').split(' ').filter(Boolean);
                if (defaults.length > 0) {
                    picker.querySelectorAll('input[type=checkbox]').forEach(function (box) { box.checked = defaults.indexOf(box.value) >= 0; });
                }
            }
            update();
        });
    }
})();
