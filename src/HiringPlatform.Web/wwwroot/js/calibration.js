// Calibration chart: one stacked bar per person (the whole panel first) showing their share of ratings 1–4.
// Data comes from the page's JSON block; the table under the chart carries the same numbers for screen readers.
(function () {
    'use strict';
    var dataBlock = document.getElementById('calibration-data');
    var canvas = document.getElementById('calibration-chart');
    if (!dataBlock || !canvas || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(dataBlock.textContent);
    var colours = ['#dc3545', '#fd7e14', '#5cb85c', '#198754'];
    var names = ['1 · Strong no', '2 · No', '3 · Yes', '4 · Strong yes'];
    var datasets = names.map(function (name, r) {
        return {
            label: name,
            data: data.distribution.map(function (row) { return row[r]; }),
            backgroundColor: colours[r],
            borderColor: '#fff',
            borderWidth: 1,
            barPercentage: 0.8
        };
    });
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: data.labels.map(function (label, i) {
                var mean = data.means[i];
                return label + (mean === null || mean === undefined ? '' : '  (mean ' + Number(mean).toFixed(2) + ')');
            }),
            datasets: datasets
        },
        options: {
            indexAxis: 'y',
            maintainAspectRatio: false,
            animation: false,
            scales: {
                x: { stacked: true, min: 0, max: 100, ticks: { callback: function (v) { return v + '%'; } } },
                y: { stacked: true, ticks: { font: function (ctx) { return { weight: ctx.index === 0 ? 'bold' : 'normal' }; } } }
            },
            plugins: {
                legend: { position: 'bottom' },
                tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ': ' + ctx.parsed.x + '%'; } } }
            }
        }
    });
})();
