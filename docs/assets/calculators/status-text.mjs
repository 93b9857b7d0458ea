// Every sentence the calculator pages show about their runtime, in one place: progress, and for each
// failure (protocol.mjs) what failed and what to do. No developer words.
// Progress is a share of the download, not megabytes: it counts the files' bytes as unpacked, and a host
// that compresses moves about a third of them, so "4/13 MB" would contradict the size the page states
// (build_scripts/calculator_pages/download_size.py says both figures); a percentage is true for either.

const percent = (f) => Math.min(100, Math.floor((100 * f.loaded) / f.total));

function sofar(f) {
  return f.total ? `已下载 ${percent(f)}%` : "";
}

/** The status line for a progress message {stage, loaded, total}. */
export function progressText(p) {
  switch (p.stage) {
    case "load":
      return "正在准备计算环境…";
    case "download":
      return p.total ? `下载运行环境：已完成 ${percent(p)}%` : "下载运行环境…";
    case "boot":
      return "启动计算环境…";
    case "rules":
      return "载入计算规则…";
    case "ready":
      return "就绪：可以计算。";
    case "failed":
      return failureText(p.failure || {});
    default:
      return "";
  }
}

/** What failed and what to do, for a RuntimeFailure (or its plain JSON form). */
export function failureText(f) {
  const got = sofar(f);
  switch (f.kind) {
    case "network":
      return `网络中断${got ? `，${got}` : ""}。请检查网络连接后点“重试”。`;
    case "missing":
      return "网站上缺少计算环境的文件，没能载入。请稍后点“重试”；仍然不行请告诉网站管理员。";
    case "corrupt":
      return f.offline
        ? "文件校验失败：离线副本中计算环境的文件不完整或已损坏。请更新离线副本（重新下载并解压）后再打开。"
        : "文件校验失败：下载的计算环境文件不完整或已被改动。请点“重试”重新下载，或刷新页面。";
    case "timeout":
      if (f.stage === "download" || f.stage === "load")
        return `网络太慢或已中断${got ? `，${got}` : ""}，很久没有收到数据。请检查网络后点“重试”。`;
      if (f.stage === "run")
        return "这次计算太久没有完成，已停止。请点“重试”重新载入计算环境；填写的内容仍然保留。";
      return "计算环境启动超时（手机可能太忙）。请关闭其他应用或标签页后点“重试”。";
    case "unsupported":
      return "这个浏览器不能运行计算环境。请换用新版的手机浏览器（如系统自带浏览器、Chrome、Edge、Firefox 或 Safari）。";
    case "engine":
      return "这次计算没有完成（计算程序出错）。填写的内容仍然保留，可以检查后再点“计算”；仍然不行请点“重试”或刷新页面。";
    default:
      return f.offline
        ? "计算环境没能启动。请点“重试”；仍然不行请更新离线副本，或换用新版浏览器。"
        : "计算环境没能启动。请点“重试”或刷新页面；仍然不行请换用新版浏览器。";
  }
}
