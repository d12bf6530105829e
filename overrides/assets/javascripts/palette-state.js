// Material leaves its colour-scheme radio buttons unchecked, so Tab always lands on the first one,
// whose name ("Switch to dark mode") is wrong when the dark scheme is on. Checking the active
// scheme's radio makes Tab land on it, and a screen reader announce what Enter will do.
(function () {
  var inputs = document.querySelectorAll("input.md-option[name='__palette']");
  if (!inputs.length) return;
  var stored = typeof __md_get === "function" ? __md_get("__palette") : null;
  var index = stored && typeof stored.index === "number" ? stored.index : -1;
  if (index < 0 || index >= inputs.length) {
    index = 0;
    for (var i = 0; i < inputs.length; i++) {
      if (matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) { index = i; break; }
    }
  }
  inputs[index].checked = true;
})();
