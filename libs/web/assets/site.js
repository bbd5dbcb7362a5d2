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

  // A summary's link goes to its field with the field's label (or its group's legend) in view,
  // not the input at the very top of the screen with its label above it (CSS scroll-margin
  // does the same, roughly, without this file).
  function setUpSummaryLinks() {
    var summary = document.getElementById('foutmeldingen');
    if (!summary) return;
    summary.addEventListener('click', function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) return;
      var field = document.getElementById(link.getAttribute('href').slice(1));
      if (!field) return;
      var label =
        document.querySelector('label[for="' + field.id + '"]') ||
        (field.closest('fieldset') && field.closest('fieldset').querySelector('legend'));
      event.preventDefault();
      (label || field).scrollIntoView();
      field.focus({ preventScroll: true });
      window.history.replaceState(null, '', link.getAttribute('href'));
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusErrorSummary();
    setUpSummaryLinks();
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
