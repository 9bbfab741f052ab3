// Rubric chart, live weight shares on the rubric editor, and print buttons. Kept in a file: the CSP allows no inline script.
(function () {
  'use strict';

  // Chart of each competency's share of the total weight; the data comes from a JSON block (not executed).
  var data = document.getElementById('rubric-chart-data');
  var canvas = document.getElementById('rubric-chart');
  if (data && canvas && window.Chart) {
    var d = JSON.parse(data.textContent);
    // Long names wrap onto two lines instead of being cut off at the chart's edge.
    var wrap = function (label) {
      if (label.length <= 22) return label;
      var words = label.split(' '), lines = [''];
      words.forEach(function (w) {
        var last = lines[lines.length - 1];
        if (last.length > 0 && (last + ' ' + w).length > 22) lines.push(w); else lines[lines.length - 1] = last ? last + ' ' + w : w;
      });
      return lines;
    };
    new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels.map(wrap),
        datasets: [{
          label: 'Share of total weight',
          data: d.shares,
          backgroundColor: d.mustHave.map(function (m) { return m ? '#0d6efd' : '#6f42c1'; }),
          borderRadius: 3,
          maxBarThickness: 16
        }]
      },
      options: {
        indexAxis: 'y',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (ctx) { return ' ' + ctx.parsed.x + '% (' + (d.mustHave[ctx.dataIndex] ? 'must-have' : 'trainable') + ')'; } } }
        },
        scales: {
          x: { beginAtZero: true, ticks: { callback: function (v) { return v + '%'; } } },
          y: { ticks: { autoSkip: false, font: { size: 11 } } }
        }
      }
    });
  }

  // The rubric editor recomputes each share as weights change, so the manager sees the effect before saving.
  var editor = document.querySelector('[data-rubric-editor]');
  if (editor) {
    var update = function () {
      var rows = editor.querySelectorAll('[data-rubric-row]');
      var total = 0, largest = 0;
      rows.forEach(function (row) {
        var included = row.querySelector('[data-include]').checked;
        var weight = parseFloat(row.querySelector('[data-weight]').value);
        if (included && weight > 0) { total += weight; largest = Math.max(largest, weight); }
      });
      // Bars are scaled to the largest share, as on the rubric page.
      var barMax = total > 0 ? Math.round(largest * 1000 / total) / 10 : 100;
      rows.forEach(function (row) {
        var included = row.querySelector('[data-include]').checked;
        var weight = parseFloat(row.querySelector('[data-weight]').value);
        var mustHave = row.querySelector('[data-type]').value === 'true';
        var share = included && weight > 0 && total > 0 ? Math.round(weight * 1000 / total) / 10 : 0;
        row.classList.toggle('is-excluded', !included);
        row.querySelector('[data-share-text]').textContent = included ? share.toFixed(1) + '%' : '—';
        var bar = row.querySelector('[data-share-bar]');
        bar.max = barMax;
        bar.value = share;
        bar.classList.toggle('trainable', !mustHave);
      });
      var totalText = editor.querySelector('[data-total]');
      if (totalText) totalText.textContent = (Math.round(total * 100) / 100).toString();
    };
    editor.addEventListener('input', update);
    editor.addEventListener('change', update);
    update();
  }

  // The stage form can narrow the question list to those probing the ticked focus (ticked questions always stay).
  var filter = document.querySelector('[data-question-filter]');
  if (filter) {
    document.querySelector('[data-question-filter-switch]').hidden = false;
    var apply = function () {
      var focus = Array.prototype.map.call(document.querySelectorAll('input[name=FocusCompetencyIds]:checked'), function (i) { return i.value; });
      document.querySelectorAll('[data-question]').forEach(function (q) {
        var probes = (q.getAttribute('data-probes') || '').split(' ');
        var matches = focus.some(function (id) { return probes.indexOf(id) >= 0; });
        var ticked = q.querySelector('input').checked;
        q.hidden = filter.checked && !matches && !ticked;
      });
      if (filter.checked) document.querySelectorAll('details').forEach(function (d) { d.open = true; });
    };
    filter.addEventListener('change', apply);
    document.addEventListener('change', function (e) { if (e.target.name === 'FocusCompetencyIds') apply(); });
  }

  // Print buttons are hidden until there is script to make them work.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
})();
