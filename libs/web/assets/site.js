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

  // Search filters: a closed disclosure on a phone (results first), a side column on a wide
  // screen. htmx replaces the panel with every change; it stays as the person left it.
  var wide = window.matchMedia ? window.matchMedia('(min-width: 50.0625rem)') : null;
  function openFiltersWhenWide() {
    var filters = document.getElementById('filters');
    if (filters && wide && wide.matches) filters.open = true;
  }
  if (wide && wide.addEventListener) wide.addEventListener('change', openFiltersWhenWide);
  document.addEventListener('htmx:beforeSwap', function (event) {
    var filters = document.getElementById('filters');
    var response = event.detail.serverResponse;
    if (!filters || !filters.open || typeof response !== 'string') return;
    event.detail.serverResponse = response.replace(
      '<details id="filters"',
      '<details open id="filters"',
    );
  });
  // "Toon n resultaten" on a phone: the list is already up to date, so close the panel and go to it.
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-close-filters]') : null;
    var filters = document.getElementById('filters');
    if (!button || !filters || (wide && wide.matches)) return;
    event.preventDefault();
    filters.open = false;
    var count = document.getElementById('zoek-aantal');
    if (count) count.focus();
  });

  document.addEventListener('DOMContentLoaded', function () {
    openFiltersWhenWide();
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
