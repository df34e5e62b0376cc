// Reading comfort: text size A- A A+ and light/dark, remembered in localStorage; the phone
// menu; the offline worker (plugins/offline_reading) registered once the page has loaded.
// The page works without this file; partials/prefs.js (inline, CSP-hashed) applies
// the stored choices before the first paint.
(function () {
  "use strict";
  var root = document.documentElement;
  var worker = document.currentScript && document.currentScript.getAttribute("data-worker");
  var MIN = -1, MAX = 3;

  function store(key, value) {
    try { if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value); } catch (e) { /* private mode */ }
  }

  function currentStep() {
    var step = parseInt(root.getAttribute("data-font") || "0", 10);
    return isNaN(step) ? 0 : step;
  }

  function setStep(step) {
    step = Math.max(MIN, Math.min(MAX, step));
    if (step === 0) { root.removeAttribute("data-font"); store("na-font", null); }
    else { root.setAttribute("data-font", String(step)); store("na-font", String(step)); }
    document.querySelectorAll("[data-font-step]").forEach(function (button) {
      var delta = parseInt(button.getAttribute("data-font-step"), 10);
      button.disabled = (delta < 0 && step <= MIN) || (delta > 0 && step >= MAX);
      if (delta === 0) button.setAttribute("aria-pressed", String(step === 0));
    });
  }

  function isDark() {
    var chosen = root.getAttribute("data-theme");
    if (chosen) return chosen === "dark";
    return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  }

  function showTheme() {
    var button = document.querySelector("[data-theme-toggle]");
    if (button) button.setAttribute("aria-pressed", String(isDark()));
  }

  function setMenu(open) {
    var toggle = document.querySelector(".menu-toggle"), header = document.querySelector(".site-header");
    if (!toggle || !header) return;
    toggle.setAttribute("aria-expanded", String(open));
    header.classList.toggle("menu-open", open);
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && document.querySelector(".site-header.menu-open")) {
      setMenu(false);
      document.querySelector(".menu-toggle").focus();
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) return;
    if (target.classList.contains("menu-toggle")) {
      setMenu(target.getAttribute("aria-expanded") !== "true");
    } else if (target.hasAttribute("data-font-step")) {
      var delta = parseInt(target.getAttribute("data-font-step"), 10);
      setStep(delta === 0 ? 0 : currentStep() + delta);
    } else if (target.hasAttribute("data-theme-toggle")) {
      var next = isDark() ? "light" : "dark";
      root.setAttribute("data-theme", next);
      store("na-theme", next);
      showTheme();
    } else if (target.hasAttribute("data-print")) {
      window.print();
    }
  });

  setStep(currentStep());
  showTheme();
  if (worker && "serviceWorker" in navigator) {
    window.addEventListener("load", function () {
      navigator.serviceWorker.register(worker).catch(function () { /* reading online still works */ });
    });
  }
})();
