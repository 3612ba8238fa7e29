// Many photos at once on an article's change page (news/admin_photos.py).
// Each file is its own POST, one after another in the order chosen, so every photo
// is saved as soon as it arrives and lands after the previous one in the gallery;
// a refused file shows the server's Thai reason and the others go on. Without this
// script the zone stays hidden and the inline takes one photo at a time.
"use strict";
(function () {
  const zone = document.getElementById("bulk-photos");
  if (!zone || !window.FormData || !window.XMLHttpRequest) return;
  zone.hidden = false;
  const input = zone.querySelector(".bulk-photos-input");
  const drop = zone.querySelector(".bulk-photos-drop");
  const list = zone.querySelector(".bulk-photos-list");
  const done = zone.querySelector(".bulk-photos-done");
  if (!input) return; // published news: the zone only says why
  const text = zone.dataset;
  const csrf = document.querySelector("input[name=csrfmiddlewaretoken]").value;
  const queue = [];
  let busy = false;
  let saved = 0;

  function row(file) {
    const item = document.createElement("li");
    item.className = "bulk-photo";
    const name = document.createElement("span");
    name.className = "bulk-photo-name";
    name.textContent = file.name;
    const progress = document.createElement("progress");
    progress.max = 100;
    progress.value = 0;
    const status = document.createElement("span");
    status.className = "bulk-photo-status";
    status.textContent = text.waiting;
    item.append(name, progress, status);
    list.append(item);
    return { item, progress, status };
  }

  // A saved photo's "Use as cover" button: one POST; the pressed button is the cover.
  function coverButton(url) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "button bulk-photo-cover";
    button.textContent = text.cover;
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", () => {
      const request = new XMLHttpRequest();
      request.open("POST", url);
      request.setRequestHeader("X-CSRFToken", csrf);
      request.addEventListener("load", () => {
        if (request.status !== 200) return;
        for (const other of list.querySelectorAll(".bulk-photo-cover")) {
          other.setAttribute("aria-pressed", "false");
          other.textContent = text.cover;
        }
        button.setAttribute("aria-pressed", "true");
        button.textContent = text.isCover;
      });
      request.send();
    });
    return button;
  }

  function finish(entry, ok, message, thumbnail, coverUrl) {
    entry.item.classList.add(ok ? "is-saved" : "is-refused");
    entry.progress.value = 100;
    entry.status.textContent = message;
    if (coverUrl) entry.status.before(coverButton(coverUrl));
    if (thumbnail) {
      const img = document.createElement("img");
      img.src = thumbnail;
      img.alt = "";
      img.width = 48;
      img.height = 32;
      entry.item.prepend(img);
    }
    if (ok) saved += 1;
  }

  function next() {
    const entry = queue.shift();
    if (!entry) {
      busy = false;
      if (saved) done.hidden = false;
      return;
    }
    busy = true;
    entry.status.textContent = text.sending;
    const body = new FormData();
    body.append("image", entry.file);
    const request = new XMLHttpRequest();
    request.open("POST", zone.dataset.url);
    request.setRequestHeader("X-CSRFToken", csrf);
    request.setRequestHeader("Accept", "application/json");
    request.upload.addEventListener("progress", (event) => {
      // The upload is most of the wait; encoding on the server is the last part.
      if (event.lengthComputable) entry.progress.value = Math.round((event.loaded / event.total) * 90);
    });
    request.addEventListener("load", () => {
      let answer = {};
      try { answer = JSON.parse(request.responseText); } catch (error) { /* an HTML error page */ }
      if (request.status === 201) finish(entry, true, text.saved, answer.thumbnail, answer.cover_url);
      else finish(entry, false, `${text.failed} ${answer.error || text.network}`);
      next();
    });
    request.addEventListener("error", () => {
      finish(entry, false, `${text.failed} ${text.network}`);
      next();
    });
    request.send(body);
  }

  function add(files) {
    for (const file of files) {
      const entry = row(file);
      entry.file = file;
      queue.push(entry);
    }
    if (!busy) next();
  }

  input.addEventListener("change", () => {
    add(input.files);
    input.value = "";
  });
  for (const type of ["dragenter", "dragover"]) {
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add("is-over");
    });
  }
  for (const type of ["dragleave", "drop"]) {
    drop.addEventListener(type, () => drop.classList.remove("is-over"));
  }
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    add(event.dataTransfer.files);
  });
})();
