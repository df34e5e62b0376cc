// The offline page (plugins/offline_reading): the articles this browser keeps, most recently
// opened first, with their titles and dates read from the kept pages themselves.
(function () {
  "use strict";
  var list = document.getElementById("kept-articles");
  var none = document.getElementById("kept-none");
  if (!list || !window.caches) { if (none) none.hidden = false; return; }
  var requested = document.getElementById("offline-page");
  if (requested && new URL(requested.getAttribute("data-self"), location.href).pathname !== location.pathname) {
    requested.textContent = "Trang " + decodeURI(location.pathname) + " chưa được lưu trên máy để đọc khi không có mạng. Khi có mạng trở lại, hãy tải lại trang.";
  }

  function entry(request, response) {
    return response.text().then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var heading = page.querySelector("h1"), time = page.querySelector(".meta time");
      var item = document.createElement("li");
      var title = document.createElement("h3");
      var link = document.createElement("a");
      link.href = request.url;
      link.textContent = heading ? heading.textContent.trim() : request.url;
      title.appendChild(link);
      item.appendChild(title);
      if (time) {
        var meta = document.createElement("p");
        meta.className = "meta";
        meta.textContent = time.textContent;
        item.appendChild(meta);
      }
      return item;
    });
  }

  caches.open(list.getAttribute("data-cache")).then(function (cache) {
    return cache.keys().then(function (requests) {
      return Promise.all(requests.reverse().map(function (request) {
        return cache.match(request).then(function (response) { return response ? entry(request, response) : null; });
      }));
    });
  }).then(function (items) {
    items = items.filter(Boolean);
    items.forEach(function (item) { list.appendChild(item); });
    none.hidden = items.length > 0;
  }).catch(function () { none.hidden = false; });
})();
