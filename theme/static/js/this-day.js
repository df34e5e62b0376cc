// "Ngày này năm xưa" on the home page: the articles published on the reader's day and month in
// the years before the reader's own. The day is read from the reader's clock, not the build's
// (the site is static); the data is one small file per day (plugins/archive_structure/this_day.py):
// {"day": "MM-DD", "years": [[year, month page, [[url, title], ...]], ...]}, newest first.
(function () {
  "use strict";
  var box = document.getElementById("this-day");
  if (!box || !window.fetch) return;
  var base = box.getAttribute("data-base");
  var perYear = parseInt(box.getAttribute("data-per-year"), 10) || 5;
  var today = new Date();
  var month = today.getMonth() + 1, day = today.getDate();
  var name = (month < 10 ? "0" : "") + month + "-" + (day < 10 ? "0" : "") + day;

  function element(tag, text, href) {
    var node = document.createElement(tag);
    if (href !== undefined) { var link = document.createElement("a"); link.href = base + href; link.textContent = text; node.appendChild(link); }
    else if (text !== undefined) node.textContent = text;
    return node;
  }

  function show(years) {
    var past = years.filter(function (entry) { return entry[0] < today.getFullYear(); });
    var said = "Ngày " + day + " tháng " + month;
    var children = [];
    if (!past.length) {
      children.push(element("p", said + ": chưa có bài nào đăng vào ngày này trong những năm trước."));
    } else {
      var count = past.reduce(function (sum, entry) { return sum + entry[2].length; }, 0);
      children.push(element("p", said + ": " + count + " bài trong " + past.length + " năm trước."));
      var list = document.createElement("ol");
      list.className = "this-day-years";
      past.forEach(function (entry) {
        var item = document.createElement("li");
        item.appendChild(element("h3", "Năm " + entry[0]));
        var articles = document.createElement("ul");
        entry[2].slice(0, perYear).forEach(function (article) { articles.appendChild(element("li", article[1], article[0])); });
        item.appendChild(articles);
        if (entry[2].length > perYear) {
          item.appendChild(element("p", "và " + (entry[2].length - perYear) + " bài khác: xem tháng " + month + "/" + entry[0], entry[1]));
        }
        list.appendChild(item);
      });
      children.push(list);
    }
    box.replaceChildren.apply(box, children);
  }

  fetch(box.getAttribute("data-source") + name + ".json")
    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
    .then(function (data) { show(data.years); })
    .catch(function () { /* the link to the month pages stays */ });
})();
