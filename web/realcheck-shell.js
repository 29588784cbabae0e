// The page's side of the game: the command line from the address (?pack=URL, ?lang=fr|en),
// the download progress of the wasm and the fonts, /data kept in IndexedDB, the live
// region the game writes its screen text into, and a clear message when loading fails.
'use strict';

(function () {
  var params = new URLSearchParams(location.search);
  var args = ['--pack', params.get('pack') || 'packs/demo/'];
  var lang = params.get('lang');
  if (lang === 'fr' || lang === 'en') args.push('--lang', lang);
  // The game picks the browser's language unless told or saved otherwise; the page
  // follows the same guess for screen readers.
  document.documentElement.lang = lang ||
      ((navigator.language || 'en').toLowerCase().startsWith('fr') ? 'fr' : 'en');

  // The game reads the pack's pack.json first thing in main(): start its download now, in
  // parallel with the wasm, so the game's request finds it on its way (a zip link is
  // fetched whole by the game and left alone).
  function packBase() {
    var base = new URL(args[1], location.href);
    if (/\.json$/.test(base.pathname)) return new URL('.', base);
    if (/\.zip$/i.test(base.pathname)) return base;
    return /\/$/.test(base.pathname) ? base : new URL(base.href + '/');
  }
  function preloadManifest() {
    try {
      var base = packBase();
      if (/\.zip$/i.test(base.pathname)) return;
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      link.crossOrigin = 'anonymous';
      link.href = new URL('pack.json', base).href;
      document.head.appendChild(link);
    } catch (e) { /* a malformed ?pack= is the game's to report */ }
  }
  preloadManifest();

  var loading = document.getElementById('loading');
  var barFill = document.getElementById('bar-fill');
  var loadingText = document.getElementById('loading-text');
  var failure = document.getElementById('failure');
  var statusEl = document.getElementById('status');
  var failed = false;
  // Start-up milestones for tools/web-bench (performance marks named rc:...).
  function mark(name) { if (performance.mark) performance.mark('rc:' + name); }
  var started = false;
  var lastErrors = [];
  var lastProgressAt = Date.now();

  // Download progress: the wasm (fetched here) and the fonts' .data (by realcheck.js).
  var progress = {wasm: [0, 0], data: [0, 0]};
  function showProgress() {
    var done = progress.wasm[0] + progress.data[0];
    var total = progress.wasm[1] + progress.data[1];
    var pct = total > 0 ? Math.min(100, Math.round(done * 100 / total)) : 0;
    barFill.style.width = pct + '%';
    loading.setAttribute('aria-valuenow', String(pct));
    lastProgressAt = Date.now();
  }

  function fail(detail) {
    if (failed || started) return;
    failed = true;
    loading.hidden = true;
    failure.hidden = false;
    document.getElementById('failure-detail').textContent =
        detail + (lastErrors.length ? '\n' + lastErrors.slice(-3).join('\n') : '');
    statusEl.textContent = 'The game could not start: ' + detail;
    document.body.dataset.state = 'failed';
  }

  function noteError(text) {
    lastErrors.push(String(text));
    if (lastErrors.length > 20) lastErrors.shift();
    console.error(text);
  }

  // Counts a copy of the wasm's download for the progress bar (Content-Length).
  function countWasmProgress(response) {
    var total = Number(response.headers.get('Content-Length')) || 0;
    progress.wasm = [0, total];
    if (!response.body || !total) return Promise.resolve();
    var reader = response.body.getReader();
    function pump() {
      return reader.read().then(function (step) {
        if (step.done) return;
        progress.wasm[0] += step.value.length;
        showProgress();
        return pump();
      });
    }
    return pump();
  }

  // Downloads the wasm and compiles it while it streams in (and, cached, the browser may
  // reuse its compiled code), before realcheck.js even asks: instantiating is then quick.
  // compileStreaming needs the server to say application/wasm; otherwise compile whole.
  function compileWasm() {
    return fetch('realcheck.wasm').then(function (response) {
      if (!response.ok) throw new Error('realcheck.wasm: HTTP ' + response.status);
      var type = (response.headers.get('Content-Type') || '').split(';')[0].trim();
      countWasmProgress(response.clone()).then(function () { mark('wasm fetched'); },
                                               function () {});
      if (WebAssembly.compileStreaming && type === 'application/wasm')
        return WebAssembly.compileStreaming(response);
      return response.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
    }).then(function (module) {
      mark('wasm compiled');
      return module;
    });
  }
  var wasmModule = compileWasm();
  wasmModule.catch(function (e) { fail('realcheck.wasm: ' + (e.message || e)); });

  // IndexedDB writes are explicit: one sync at a time, another one queued if asked meanwhile.
  var syncing = false;
  var syncAgain = false;
  var syncCount = 0;
  function syncStorage() {
    if (syncing) { syncAgain = true; return; }
    syncing = true;
    Module.FS.syncfs(false, function (err) {
      syncing = false;
      if (err) noteError('cannot save to IndexedDB: ' + err);
      syncCount += 1;
      document.body.dataset.synced = String(syncCount);
      if (syncAgain) { syncAgain = false; syncStorage(); }
    });
  }

  window.Module = {
    canvas: document.getElementById('canvas'),
    arguments: args,
    preRun: [function () {
      // Settings, the no-repeat deck and results live in /data (engine/platform/paths.cpp):
      // load them from IndexedDB before main() reads them.
      var FS = Module.FS;
      try { FS.mkdir('/data'); } catch (e) { /* exists */ }
      FS.mount(FS.filesystems.IDBFS, {}, '/data');
      Module.addRunDependency('rc-idbfs');
      FS.syncfs(true, function (err) {
        // Private browsing may refuse IndexedDB: play anyway, without memory.
        if (err) noteError('cannot read saved data from IndexedDB: ' + err);
        Module.removeRunDependency('rc-idbfs');
      });
    }],
    instantiateWasm: function (imports, done) {
      wasmModule.then(function (module) {
        loadingText.textContent = 'Starting… / Démarrage…';
        return WebAssembly.instantiate(module, imports).then(function (instance) {
          mark('wasm instantiated');
          done(instance, module);
        });
      }).catch(function (e) { fail('realcheck.wasm: ' + (e.message || e)); });
      return {};
    },
    // Emscripten reports the .data download as "Downloading data... (done/total)".
    setStatus: function (text) {
      var m = /\((\d+(?:\.\d+)?)\/(\d+)\)/.exec(text || '');
      if (m) { progress.data = [Number(m[1]), Number(m[2])]; showProgress(); }
    },
    onRuntimeInitialized: function () { mark('main()'); },
    monitorRunDependencies: function () { lastProgressAt = Date.now(); },
    print: function (text) { console.log(text); },
    printErr: noteError,
    onAbort: function (what) { fail('aborted: ' + what); },
    // Called by runner_web.cpp each time the screen's text changes.
    rcSetStatus: function (text) {
      if (!started) {
        mark('first screen text');
        started = true;
        loading.hidden = true;
        document.body.dataset.state = 'running';
        keepPackForOffline();
      }
      statusEl.textContent = text;
    },
    rcSyncStorage: syncStorage,
  };

  window.addEventListener('error', function (event) {
    noteError(event.message);
    if (!started) fail(event.message);
  });

  // Never an endless spinner: if nothing has moved for 30 s before the game started, say so.
  var watchdog = setInterval(function () {
    if (started || failed) { clearInterval(watchdog); return; }
    if (Date.now() - lastProgressAt > 30000) {
      clearInterval(watchdog);
      fail('loading stopped (network?)');
    }
  }, 1000);

  // Offline once loaded (web/sw.js): the service worker keeps what the page downloads;
  // once the game runs, it is asked to keep the whole pack too. data-offline tells how far
  // it got ("ready" once every picture is kept).
  function keepPackForOffline() {
    if (!navigator.serviceWorker) return;
    navigator.serviceWorker.ready.then(function (registration) {
      var base = packBase();
      setTimeout(function () {
        registration.active.postMessage({precache: base.href});
      }, 3000);  // after the first pictures, which the player waits for
    });
    navigator.serviceWorker.addEventListener('message', function (event) {
      if (event.data && 'precached' in event.data) document.body.dataset.offline = 'ready';
      if (event.data && event.data.precacheError) noteError(event.data.precacheError);
    });
  }
  if (navigator.serviceWorker && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(function (e) {
      noteError('offline support unavailable: ' + e);
    });
  }

  // A pack chosen with the file picker ("Open a file" on the packs screen) is copied into
  // the game's memory. The game caps archives at 512 MB: a bigger file is cut one byte
  // past the cap, so the game's own refusal names the file and the limit.
  var packFile = document.getElementById('pack-file');
  var kMaxArchiveBytes = 512 * 1024 * 1024;
  Module.realcheckPickFile = function () { packFile.value = ''; packFile.click(); };
  packFile.addEventListener('change', function () {
    var file = packFile.files && packFile.files[0];
    if (!file) return;
    file.slice(0, kMaxArchiveBytes + 1).arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var data = Module._malloc(Math.max(bytes.length, 1));
      Module.HEAPU8.set(bytes, data);
      var name = new TextEncoder().encode(file.name);
      var namePtr = Module._malloc(name.length + 1);
      Module.HEAPU8.set(name, namePtr);
      Module.HEAPU8[namePtr + name.length] = 0;
      Module._realcheck_file_picked(namePtr, data, bytes.length);  // frees data
      Module._free(namePtr);
    }).catch(function (e) { noteError(file.name + ': ' + e); });
  });

  window.rcShell = {fail: fail};
})();
