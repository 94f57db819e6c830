// HR Gateway console: the only script besides htmx. The pages carry no inline scripts, styles or event
// handlers (strict Content-Security-Policy), so every behaviour is attached here by data attribute.
(() => {
  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  // Every htmx request carries the session's CSRF token; polls say so, so they do not keep an idle session alive.
  document.addEventListener("htmx:configRequest", (event) => {
    event.detail.headers["X-CSRF-Token"] = csrfToken();
    var element = event.detail.elt;
    if (element?.closest?.("[data-poll]")) event.detail.headers["X-Console-Poll"] = "1";
  });

  // Copy buttons: <button data-copy="#id"> copies the value (input) or text of the element it names.
  document.addEventListener("click", (event) => {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    var text = "value" in target ? target.value : target.textContent;
    var done = (label) => {
      button.textContent = label;
      window.setTimeout(() => {
        button.textContent = "Copy";
      }, 2000);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        () => {
          done("Copied");
        },
        () => {
          done("Select and copy");
        },
      );
    } else if (typeof target.select === "function") {
      // Plain http on another host has no clipboard API: select the text so Ctrl+C works.
      target.select();
      done("Press Ctrl+C");
    } else {
      var range = document.createRange();
      range.selectNodeContents(target);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      done("Press Ctrl+C");
    }
  });

  // The connector form shows the credential fields of the chosen HR system only.
  function showKind(select) {
    var fieldsets = select.form ? select.form.querySelectorAll("[data-kind]") : [];
    for (var index = 0; index < fieldsets.length; index++) {
      fieldsets[index].hidden = fieldsets[index].getAttribute("data-kind") !== select.value;
    }
  }

  // Select-all checkboxes (<input type="checkbox" data-select-all hidden>) tick every "id" checkbox of their form.
  // They are hidden in the page and shown here, so a browser without scripts never offers one that does nothing.
  function selectAllOf(form) {
    return form ? form.querySelector("[data-select-all]") : null;
  }

  function syncSelectAll(form) {
    var all = selectAllOf(form);
    if (!all) return;
    var boxes = form.querySelectorAll('input[type="checkbox"][name="id"]');
    var ticked = 0;
    for (var index = 0; index < boxes.length; index++) if (boxes[index].checked) ticked++;
    all.checked = boxes.length > 0 && ticked === boxes.length;
    all.indeterminate = ticked > 0 && ticked < boxes.length;
  }

  var selectAlls = document.querySelectorAll("[data-select-all]");
  for (var shown = 0; shown < selectAlls.length; shown++) {
    selectAlls[shown].hidden = false;
    syncSelectAll(selectAlls[shown].form);
  }

  document.addEventListener("change", (event) => {
    var element = event.target;
    if (!element.closest) return;
    var kind = element.closest("[data-kind-select]");
    if (kind) showKind(kind);
    var auto = element.closest("[data-autosubmit]");
    if (auto?.form) auto.form.requestSubmit();
    if (element.hasAttribute("data-select-all") && element.form) {
      var boxes = element.form.querySelectorAll('input[type="checkbox"][name="id"]');
      for (var index = 0; index < boxes.length; index++) boxes[index].checked = element.checked;
    } else if (element.name === "id" && element.type === "checkbox") {
      syncSelectAll(element.form);
    }
  });
})();
