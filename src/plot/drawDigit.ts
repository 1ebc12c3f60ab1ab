import { Network } from "../network";

/**
 * A canvas in the page where the learner draws a digit and the trained network, its weights embedded in the
 * page as JSON, reads it live in the browser (lesson 08). The drawing is turned into a 28x28 image the way
 * MNIST digits were made: the strokes are scaled to fit a 20x20 box and centred by their centre of mass.
 * Plain JavaScript, no library, so it works in JupyterLab, Notebook, VS Code and the static site.
 */

/** The forward pass in browser JavaScript: the same equations as network.ts, a = σ(w·a + b) layer by layer. */
export function forwardSource(): string {
  return `function descentForward(model, input) {
  var a = input;
  for (var l = 0; l < model.weights.length; l++) {
    var w = model.weights[l], b = model.biases[l], next = [];
    var last = l === model.weights.length - 1;
    for (var j = 0; j < w.length; j++) {
      var z = b[j];
      for (var k = 0; k < a.length; k++) z += w[j][k] * a[k];
      next.push(!last && model.activation === "relu" ? Math.max(0, z) : 1 / (1 + Math.exp(-z)));
    }
    a = next;
  }
  return a;
}`;
}

/** The page fragment: canvas, buttons, output bars and the script, with the network's parameters. */
export function drawDigitHtml(net: Network, id = `descent-draw-${Date.now().toString(36)}`): string {
  const model = {
    activation: net.activation.name,
    weights: net.weights.map((w) =>
      Array.from({ length: w.rows }, (_, j) =>
        Array.from(w.data.subarray(j * w.cols, (j + 1) * w.cols), (v) => Math.round(v * 1e5) / 1e5),
      ),
    ),
    biases: net.biases.map((b) => Array.from(b, (v) => Math.round(v * 1e5) / 1e5)),
  };
  return `<div id="${id}" style="display:flex;gap:24px;align-items:flex-start;font-family:sans-serif">
<div><canvas width="280" height="280" style="background:#000;border:1px solid #888;cursor:crosshair;touch-action:none"></canvas><br>
<button type="button">clear</button> <span>draw a digit with the mouse</span></div>
<div class="bars" style="width:260px"></div></div>
<script type="text/javascript">(function () {
${forwardSource()}
var model = ${JSON.stringify(model)};
var root = document.getElementById("${id}"), canvas = root.querySelector("canvas"), ctx = canvas.getContext("2d");
var bars = root.querySelector(".bars"), drawing = false;
ctx.lineWidth = 22; ctx.lineCap = "round"; ctx.strokeStyle = "#fff";
function at(e) { var r = canvas.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
canvas.addEventListener("pointerdown", function (e) { drawing = true; var p = at(e); ctx.beginPath(); ctx.moveTo(p[0], p[1]); });
canvas.addEventListener("pointermove", function (e) { if (!drawing) return; var p = at(e); ctx.lineTo(p[0], p[1]); ctx.stroke(); read(); });
window.addEventListener("pointerup", function () { drawing = false; });
root.querySelector("button").addEventListener("click", function () { ctx.fillStyle = "#000"; ctx.fillRect(0, 0, 280, 280); bars.innerHTML = ""; });
function toMnist() {
  var src = ctx.getImageData(0, 0, 280, 280).data, minX = 280, minY = 280, maxX = -1, maxY = -1;
  for (var y = 0; y < 280; y++) for (var x = 0; x < 280; x++) if (src[(y * 280 + x) * 4] > 30) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  if (maxX < 0) return null;
  var box = document.createElement("canvas"); box.width = 28; box.height = 28; var b = box.getContext("2d");
  var w = maxX - minX + 1, h = maxY - minY + 1, s = 20 / Math.max(w, h);
  b.drawImage(canvas, minX, minY, w, h, 14 - w * s / 2, 14 - h * s / 2, w * s, h * s);
  var px = b.getImageData(0, 0, 28, 28).data, img = [], mx = 0, my = 0, m = 0;
  for (var i = 0; i < 784; i++) { var v = px[i * 4] / 255; img.push(v); mx += (i % 28) * v; my += Math.floor(i / 28) * v; m += v; }
  var dx = Math.round(14 - mx / m), dy = Math.round(14 - my / m), out = new Array(784).fill(0);
  for (var r = 0; r < 28; r++) for (var c = 0; c < 28; c++) { var rr = r - dy, cc = c - dx; if (rr >= 0 && rr < 28 && cc >= 0 && cc < 28) out[r * 28 + c] = img[rr * 28 + cc]; }
  return out;
}
function read() {
  var input = toMnist(); if (!input) return;
  var a = descentForward(model, input), best = 0;
  for (var j = 1; j < a.length; j++) if (a[j] > a[best]) best = j;
  bars.innerHTML = "<b>it reads: " + best + "</b>" + a.map(function (v, j) {
    return '<div style="display:flex;align-items:center;gap:6px;height:20px"><span style="width:12px">' + j + '</span><div style="background:' + (j === best ? "#54a24b" : "#9ecae9") + ';height:14px;width:' + Math.round(200 * v) + 'px"></div><span style="font-size:11px">' + v.toFixed(2) + "</span></div>";
  }).join("");
}
})();</script>`;
}
