'use strict';
// upscale.js — enlarges a picture 4× with UpscalerJS's esrgan-slim network, on the CPU.
//
// For the demo pack's "edited" items (tools/demo-pack runs it only when such a picture is
// not kept in content/demo/renders/). Raw 8-bit RGB in and out, so that no image library
// is needed in node: ImageMagick makes IN.rgb and reads OUT.rgb.
//
//   node upscale.js MODEL IN.rgb WIDTH HEIGHT OUT.rgb      (MODEL: esrgan-slim)
//
// The weights ship inside the npm package (models/x4/model.json + its shard): they are read
// from disk with fs, nothing is downloaded. Runs with @tensorflow/tfjs's pure-JavaScript CPU
// backend (no tfjs-node, no native code): ~30 s for 200×150, ~75 s for 320×240, one core.
// The packages and their versions are pinned by package.json and package-lock.json here.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

const MODELS = {'esrgan-slim': '@upscalerjs/esrgan-slim'};
const SCALE = 4;

// The folder of the installed package `name` holding `file` (its "exports" hide package.json
// from require.resolve).
function packageRoot(file, name) {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === name) return dir;
  }
  throw new Error(`cannot find the folder of ${name}`);
}

async function main() {
  const [model, input, width, height, output] = process.argv.slice(2);
  if (!output || !MODELS[model]) {
    console.error('usage: node upscale.js esrgan-slim IN.rgb WIDTH HEIGHT OUT.rgb');
    process.exit(2);
  }
  const pkg = MODELS[model];
  const w = Number(width), h = Number(height);
  const raw = fs.readFileSync(input);
  if (!(w > 0 && h > 0) || raw.length !== w * h * 3) {
    throw new Error(`${input}: expected ${w}x${h} RGB, got ${raw.length} bytes`);
  }

  // The model definition says where its files are, and in which range it wants pixels.
  const loaded = require(`${pkg}/${SCALE}x`);
  const definition = loaded.default || loaded;
  if (definition.scale !== SCALE) throw new Error(`${pkg}: expected a ${SCALE}x model`);
  if (typeof definition.setup === 'function') definition.setup(tf);  // custom layers, if any
  const root = packageRoot(require.resolve(`${pkg}/${SCALE}x`), pkg);
  const modelJson = path.join(root, definition._internals.path);
  const spec = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const manifest = spec.weightsManifest[0];
  const weights = Buffer.concat(manifest.paths.map((p) => fs.readFileSync(path.join(path.dirname(modelJson), p))));
  const net = await tf.loadLayersModel({
    load: async () => ({
      modelTopology: spec.modelTopology,
      weightSpecs: manifest.weights,
      weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
    }),
  });

  const [inLow, inHigh] = definition.inputRange || [0, 255];
  const [outLow, outHigh] = definition.outputRange || [0, 255];
  const start = Date.now();
  const result = tf.tidy(() => {
    const pixels = tf.tensor4d(Uint8Array.from(raw), [1, h, w, 3], 'int32').toFloat();
    const x = pixels.div(255).mul(inHigh - inLow).add(inLow);
    const y = net.predict(x);
    return y.sub(outLow).div(outHigh - outLow).mul(255).round().clipByValue(0, 255).toInt();
  });
  const [, oh, ow] = result.shape;
  if (ow !== w * SCALE || oh !== h * SCALE) throw new Error(`unexpected output ${ow}x${oh}`);
  fs.writeFileSync(output, Buffer.from(Uint8Array.from(await result.data())));
  console.error(`upscale.js: ${w}x${h} -> ${ow}x${oh} with ${pkg} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(`upscale.js: ${e.stack || e}`);
  process.exit(1);
});
