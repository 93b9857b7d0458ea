/* 培训班 QR codes: drawn with the vendored qrcode-generator (window.qrcode), read with the browser's
   BarcodeDetector where it has one for QR codes, else the vendored jsQR (window.jsQR). The camera starts only
   when the user presses a button and stops when asked or when the page is hidden. Nothing is fetched. */
(function (root) {
  "use strict";
  /* the vendored libraries are loaded as classic scripts only when needed (they work from file:// too):
     jsQR (257 kB) when something is to be read and the browser has no BarcodeDetector, fflate when the
     成绩汇总 page writes an Excel file */
  var here = document.currentScript && document.currentScript.src;
  var ASSETS = here ? here.replace(/training\/qr\.js(\?.*)?$/, "") : "../assets/";
  var loading = {};
  /* "vendor/….js", its global -> Promise<bool> (false if the file could not be loaded; asking again retries) */
  function vendor(path, global) {
    if (root[global]) return Promise.resolve(true);
    if (!loading[path]) {
      loading[path] = new Promise(function (resolve) {
        var s = document.createElement("script");
        s.src = ASSETS + path;
        s.onload = function () { resolve(!!root[global]); };
        s.onerror = function () { delete loading[path]; resolve(false); };
        document.head.appendChild(s);
      });
    }
    return loading[path];
  }
  function loadJsQR() { return vendor("vendor/jsqr/jsQR.js", "jsQR"); }

  /* text -> <canvas> with the QR code (UTF-8 bytes, error correction M, 4-module quiet zone) */
  function draw(text, cell) {
    var qr = root.qrcode(0, "M");
    qr.addData(unescape(encodeURIComponent(text)), "Byte");   /* the library's default maps each char to one byte */
    qr.make();
    var n = qr.getModuleCount(), margin = 4, size = (n + 2 * margin) * cell;
    var canvas = document.createElement("canvas");
    canvas.width = canvas.height = size;
    var ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff"; ctx.fillRect(0, 0, size, size);
    ctx.fillStyle = "#000";
    for (var r = 0; r < n; r++) for (var c = 0; c < n; c++) if (qr.isDark(r, c)) ctx.fillRect((c + margin) * cell, (r + margin) * cell, cell, cell);
    canvas.className = "tr-qr";
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "二维码");
    return canvas;
  }
  /* cell size so the code fits `px` pixels */
  function drawFit(text, px) {
    var qr = root.qrcode(0, "M");
    qr.addData(unescape(encodeURIComponent(text)), "Byte");
    qr.make();
    return draw(text, Math.max(2, Math.floor(px / (qr.getModuleCount() + 8))));
  }

  var detector = null, detectorChecked = false;
  function nativeDetector() {
    if (detectorChecked) return Promise.resolve(detector);
    detectorChecked = true;
    if (!root.BarcodeDetector || !root.BarcodeDetector.getSupportedFormats) return Promise.resolve(null);
    return root.BarcodeDetector.getSupportedFormats().then(function (f) {
      if (f.indexOf("qr_code") >= 0) detector = new root.BarcodeDetector({ formats: ["qr_code"] });
      return detector;
    }, function () { return null; });
  }

  var work = null;
  function pixels(source, w, h) {
    var max = 1000, k = Math.min(1, max / Math.max(w, h));
    w = Math.max(1, Math.round(w * k)); h = Math.max(1, Math.round(h * k));
    work = work || document.createElement("canvas");
    work.width = w; work.height = h;
    var ctx = work.getContext("2d", { willReadFrequently: true });
    ctx.drawImage(source, 0, 0, w, h);
    return ctx.getImageData(0, 0, w, h);
  }
  /* one picture (image, video frame or canvas) -> decoded text or null */
  function decode(source, w, h) {
    return nativeDetector().then(function (d) {
      if (d) return d.detect(source).then(function (codes) { return codes.length ? codes[0].rawValue : null; }, function () { return viaJsQR(source, w, h); });
      return viaJsQR(source, w, h);
    });
  }
  function viaJsQR(source, w, h) {
    return loadJsQR().then(function (ok) { return ok ? jsqr(source, w, h) : null; });
  }
  function jsqr(source, w, h) {
    var img = pixels(source, w, h);
    var hit = root.jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" });
    return hit ? hit.data : null;
  }

  /* an image file -> Promise of the decoded text or null (read as a data: URL: the CSP allows data: images, not blob:) */
  function decodeFile(file) {
    return new Promise(function (resolve) {
      var reader = new FileReader(), img = new Image();
      img.onload = function () {
        decode(img, img.naturalWidth, img.naturalHeight).then(resolve, function () { resolve(null); });
      };
      img.onerror = function () { resolve(null); };
      reader.onload = function () { img.src = reader.result; };
      reader.onerror = function () { resolve(null); };
      reader.readAsDataURL(file);
    });
  }

  /* camera: start(video, onText, onError) on a user action; returns {stop} */
  function camera(video, onText, onError) {
    var stream = null, stopped = false, timer = null, last = "", lastAt = 0;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      onError("这个浏览器不能使用摄像头，请改为手动输入。");
      return { stop: function () {} };
    }
    function loop() {
      if (stopped) return;
      if (video.readyState >= 2 && video.videoWidth) {
        decode(video, video.videoWidth, video.videoHeight).then(function (text) {
          if (text && !(text === last && Date.now() - lastAt < 3000)) { last = text; lastAt = Date.now(); onText(text); }
          timer = setTimeout(loop, 120);
        }, function () { timer = setTimeout(loop, 250); });
      } else timer = setTimeout(loop, 120);
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (s) {
      if (stopped) { s.getTracks().forEach(function (t) { t.stop(); }); return; }
      stream = s;
      video.srcObject = s;
      video.setAttribute("playsinline", "");
      video.muted = true;
      var p = video.play();
      if (p && p.catch) p.catch(function () {});
      loop();
    }, function (e) {
      onError(e && e.name === "NotAllowedError" ? "没有得到使用摄像头的许可。请在浏览器设置里允许本站使用摄像头，或改为手动输入。"
        : "摄像头打不开（可能没有摄像头或正被别的应用占用），请改为手动输入。");
    });
    function stop() {
      stopped = true;
      clearTimeout(timer);
      if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      video.srcObject = null;
    }
    document.addEventListener("visibilitychange", function () { if (document.hidden) stop(); });
    return { stop: stop };
  }

  root.TrainingQR = { draw: draw, drawFit: drawFit, decode: decode, decodeFile: decodeFile, camera: camera, vendor: vendor };
})(window);
