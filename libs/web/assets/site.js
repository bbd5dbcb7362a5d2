// Enhancements only: every page works without this file.
(function () {
  'use strict';
  document.documentElement.classList.add('js');

  // "Copy" buttons: shown only when the browser can copy; the text stays selectable without them.
  function setUpCopyButtons(root) {
    root.querySelectorAll('[data-copy-target]').forEach(function (button) {
      if (!navigator.clipboard) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        var status = document.getElementById(button.getAttribute('data-copy-status'));
        if (!source) return;
        navigator.clipboard.writeText(source.value || source.textContent).then(
          function () {
            if (status) status.textContent = 'Gekopieerd';
          },
          function () {
            source.select();
            if (status) status.textContent = 'Kopiëren lukte niet: de tekst is geselecteerd';
          },
        );
      });
    });
  }

  // "Print" buttons: only shown when they can work; Ctrl+P does the same without them.
  function setUpPrintButtons(root) {
    root.querySelectorAll('[data-print]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        window.print();
      });
    });
  }

  // A failed form's error summary takes the focus (autofocus does it too; this covers browsers
  // that skip autofocus, e.g. after going back), unless the person already moved on.
  function focusErrorSummary() {
    var summary = document.getElementById('foutmeldingen');
    if (!summary) return;
    if (document.activeElement && document.activeElement !== document.body) return;
    summary.focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusErrorSummary();
    setUpCopyButtons(document);
    setUpPrintButtons(document);
  });

  // After htmx replaced the results, say how many there are (the live region stays in place).
  document.addEventListener('htmx:afterSettle', function (event) {
    var live = document.getElementById('zoek-status');
    var summary = document.getElementById('zoek-aantal');
    if (live && summary) live.textContent = summary.textContent;
    setUpCopyButtons(event.target);
  });
})();
