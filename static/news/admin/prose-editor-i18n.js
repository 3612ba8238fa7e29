// django-prose-editor names its toolbar buttons in English ("bold", "heading 2")
// as their title and aria-label, and its block-type picker's choices ("Paragraph",
// "Heading 2") as their text, outside gettext. Django's JavaScript catalog
// (admin:jsi18n, loaded by the change form) has them in Thai: see
// locale_django/th/LC_MESSAGES/djangojs.po. The toolbar is drawn after load, so watch for it.
"use strict";
(function () {
  if (typeof window.gettext !== "function") return;

  function translated(text) {
    const heading = /^(heading|Heading) (\d)$/.exec(text);
    if (heading) return interpolate(gettext(heading[1] + " %s"), [heading[2]]);
    return gettext(text);
  }

  function translate(root) {
    root.querySelectorAll(".prose-menubar [title]:not([data-translated])").forEach(function (item) {
      const text = translated(item.getAttribute("title"));
      item.setAttribute("title", text);
      if (item.hasAttribute("aria-label")) item.setAttribute("aria-label", text);
      item.dataset.translated = "";
    });
    root.querySelectorAll(".prose-menubar__option > :not([data-translated])").forEach(function (choice) {
      choice.textContent = translated(choice.textContent.trim());
      choice.dataset.translated = "";
    });
    // The table dialog's "Include header row" offers "Yes" and "No" as option texts
    // with no value, and compares the chosen text with "Yes": keep the English as the
    // value, show the Thai.
    root.querySelectorAll("dialog select option:not([data-translated])").forEach(function (option) {
      option.value = option.value;
      option.textContent = translated(option.textContent.trim());
      option.dataset.translated = "";
    });
  }

  new MutationObserver(function () { translate(document); })
    .observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { translate(document); });
})();
