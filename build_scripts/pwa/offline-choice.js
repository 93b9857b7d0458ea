// "离线使用本站" on the offline page: the whole site is stored on the phone only when the user asks,
// after being told its size; progress in MB while it downloads; the service worker (sw.js) does the work.
// Where this browser cannot store the site (no service worker, none over plain http, or its registration
// refused: register.js then sets <html data-sw-failed>), the box says so and what to do instead.
(function () {
  var box = document.getElementById("pwa-offline");
  if (!box) return;
  var CANNOT = "这个浏览器现在不能把本站保存到手机上，看过的页面也不会保存。请换用手机自带的浏览器，" +
    "或新版的 Chrome、Edge、Firefox、Safari 打开这一页再试；在电脑上也可以用离线压缩包（见下文）。";
  function cannot() {
    var p = document.createElement("p");
    p.textContent = CANNOT;
    box.replaceChildren(p);
    box.hidden = false;
  }
  if (!("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol) || !window.caches) {
    cannot();
    return;
  }
  var failed = function () { return document.documentElement.dataset.swFailed === "1"; };
  if (failed()) { cannot(); return; }
  var watchFailure = new MutationObserver(function () {
    if (failed()) { watchFailure.disconnect(); cannot(); }
  });
  watchFailure.observe(document.documentElement, { attributes: true, attributeFilter: ["data-sw-failed"] });
  var text = document.createElement("p");
  var bar = document.createElement("progress");
  var go = document.createElement("button");
  go.type = "button";
  go.className = "md-button md-button--primary";
  bar.hidden = true;
  go.hidden = true;
  box.replaceChildren(text, bar, go);
  box.hidden = false;
  text.textContent = "正在查看本机已保存的内容…";

  function mb(n) {
    var v = n / 1048576;
    return v >= 10 ? Math.round(v) + " MB" : (Math.round(v * 10) / 10 || 0.1) + " MB";
  }

  function show(msg) {
    if (msg.type === "offline-status") {
      bar.hidden = true;
      if (msg.chosen && msg.missing === 0) {
        text.textContent = "本站已全部保存在这台手机上（" + mb(msg.total) + "），没有网络也能打开每一页。" +
          "有新版本时，联网打开本站会只下载改动的部分。";
        go.hidden = true;
      } else {
        text.textContent = "把全部法规、练习题和计算器保存到这台手机上，没有网络也能用。需要下载约 " +
          mb(msg.missing) + "，建议在 Wi-Fi 下进行。" + (msg.have ? "已看过的页面不再重复下载。" : "");
        go.textContent = msg.chosen ? "继续下载" : "离线使用本站";
        go.hidden = false;
        go.disabled = false;
      }
    } else if (msg.type === "offline-progress") {
      bar.hidden = false;
      bar.max = msg.need || 1;
      bar.value = msg.loaded;
      text.textContent = "正在保存到本机：已下载 " + mb(msg.loaded) + " / " + mb(msg.need) + "。可以继续浏览，不要关闭本站。";
      go.hidden = true;
    } else if (msg.type === "offline-failed") {
      bar.hidden = true;
      text.textContent = msg.storageFull
        ? "手机的存储空间不够，没能全部保存（已保存的部分还在）。请删掉一些不用的照片、视频或应用，" +
          "或在浏览器设置里清理其他网站的数据，再点“继续下载”。"
        : "下载中断了（可能是网络断开）。已下载的部分已保存，联网后点“继续下载”。";
      go.textContent = "继续下载";
      go.hidden = false;
      go.disabled = false;
    }
  }

  navigator.serviceWorker.addEventListener("message", function (event) { show(event.data || {}); });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker.ready.then(function (reg) {
    watchFailure.disconnect();
    reg.active.postMessage({ type: "STATUS" });
    go.addEventListener("click", function () {
      go.disabled = true;
      reg.active.postMessage({ type: "OFFLINE_ALL" });
    });
  });
})();
