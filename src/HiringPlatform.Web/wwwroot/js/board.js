// Pipeline board enhancements. Everything works without this file: cards move with their own forward/back buttons
// and the bulk form posts the ticked cards. With it: drag a card onto another column (it submits the card's own
// move, with the same version check, through the shared card-action form), and a live count of the ticked cards.
(function () {
    'use strict';
    var board = document.querySelector('[data-board]');
    if (!board) { return; }

    var bulk = document.getElementById('bulk');
    var counter = bulk ? bulk.querySelector('[data-selected-count]') : null;
    var boxes = function () { return document.querySelectorAll('input[type=checkbox][form=bulk][name=Selected]'); };
    function updateCount() {
        if (!counter) { return; }
        var n = Array.prototype.filter.call(boxes(), function (b) { return b.checked; }).length;
        counter.textContent = n === 0 ? 'Tick cards to move or reject several at once.' : n + (n === 1 ? ' candidate selected' : ' candidates selected');
    }
    document.addEventListener('change', function (e) {
        if (e.target.matches && e.target.matches('input[form=bulk][name=Selected]')) { updateCount(); }
    });
    updateCount();

    var dragged = null;
    board.addEventListener('dragstart', function (e) {
        var card = e.target.closest && e.target.closest('[data-card][draggable=true]');
        if (!card) { return; }
        dragged = card;
        card.classList.add('dragging');
        e.dataTransfer.effectAllowed = 'move';
        e.dataTransfer.setData('text/plain', '');
    });
    board.addEventListener('dragend', function () {
        if (dragged) { dragged.classList.remove('dragging'); }
        dragged = null;
        board.querySelectorAll('.drop-target').forEach(function (c) { c.classList.remove('drop-target'); });
    });
    function columnOf(e) { return e.target.closest ? e.target.closest('[data-stage-id]') : null; }
    board.addEventListener('dragover', function (e) {
        var column = columnOf(e);
        if (!dragged || !column || column.contains(dragged)) { return; }
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        board.querySelectorAll('.drop-target').forEach(function (c) { if (c !== column) { c.classList.remove('drop-target'); } });
        column.classList.add('drop-target');
    });
    board.addEventListener('drop', function (e) {
        var column = columnOf(e);
        if (!dragged || !column || column.contains(dragged)) { return; }
        e.preventDefault();
        // The card's own move (its data-move holds the action with the card's version), through the shared form.
        var form = document.getElementById('card-action');
        var action = dragged.getAttribute('data-move');
        if (!form || !action) { return; }
        var input = document.createElement('input');
        input.type = 'hidden';
        input.name = 'ToStageId';
        input.value = column.getAttribute('data-stage-id');
        form.appendChild(input);
        form.action = action;
        form.submit();
    });
})();
