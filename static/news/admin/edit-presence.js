// Who else has this article's change page open (news/admin_edit_lock.py).
// The page shows it when it opens; while it stays open this asks again every
// interval, which also keeps this editor listed for the others. Without this
// script an editor stays listed for a few minutes after opening the page.
"use strict";
(function () {
  const box = document.querySelector(".edit-presence[data-url]");
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!box || !csrf || !window.fetch) return;
  const seconds = Number(box.dataset.interval) || 60;

  function beat() {
    fetch(box.dataset.url, {
      method: "POST",
      headers: { "X-CSRFToken": csrf.value },
      credentials: "same-origin",
    })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (answer) { if (answer) box.innerHTML = answer.html; })
      .catch(function () { /* offline for a moment: the next beat tries again */ });
  }

  window.setInterval(beat, seconds * 1000);
})();
