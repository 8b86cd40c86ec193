/* The "Add a run" page: uploads a video over tus (tus-js-client, served from the jar) and shows
   the sync that runs while it uploads, from the upload's event stream.
   An MP4 or MOV whose index (moov box) sits after its media, as cameras write them, would keep the
   server from decoding anything before the last byte; so the page reads the file's box headers
   with File.slice, and when the index comes last it uploads the index first (a small upload of its
   own, metadata role=index and its offset), then the file, naming that index. */
(function () {
  'use strict';
  var form = document.getElementById('upload-form');
  if (!form || !window.tus) { return; }
  var fileInput = document.getElementById('upload-file');
  var refSelect = document.getElementById('upload-reference');
  var startBtn = document.getElementById('upload-start');
  var cancelBtn = document.getElementById('upload-cancel');
  var box = document.getElementById('upload-progress');
  var stageEl = document.getElementById('upload-stage');
  var bytesEl = document.getElementById('upload-bytes');
  var decodedEl = document.getElementById('upload-decoded');
  var barBytes = document.getElementById('upload-bar-bytes');
  var barDecoded = document.getElementById('upload-bar-decoded');
  var result = document.getElementById('upload-result');
  var max = Number(document.getElementById('upload-card').dataset.max);
  var upload = null;
  var events = null;
  var CHUNK = 16 * 1024 * 1024;

  function mb(n) { return (n / 1048576).toFixed(1) + ' MB'; }
  function bar(el, frac) {
    var pct = Math.max(0, Math.min(100, Math.round(frac * 100)));
    el.style.width = pct + '%';
    el.parentNode.setAttribute('aria-valuenow', String(pct));
  }
  function say(text, isError) {
    result.textContent = text;
    result.classList.toggle('error', !!isError);
  }

  /* The top-level boxes' offsets, from 16-byte reads of their headers: {moov: [offset, size], mdat: offset}. */
  function boxes(file) {
    var found = {};
    function at(offset) {
      if (offset + 8 > file.size) { return Promise.resolve(found); }
      return file.slice(offset, offset + 16).arrayBuffer().then(function (buf) {
        var v = new DataView(buf);
        var size = v.getUint32(0);
        var type = String.fromCharCode(v.getUint8(4), v.getUint8(5), v.getUint8(6), v.getUint8(7));
        if (size === 1 && buf.byteLength >= 16) { size = v.getUint32(8) * 4294967296 + v.getUint32(12); }
        if (size === 0) { size = file.size - offset; }
        if (size < 8) { return found; }
        if (type === 'moov') { found.moov = [offset, size]; }
        if (type === 'mdat' && found.mdat === undefined) { found.mdat = offset; }
        if (found.moov) { return found; }
        return at(offset + size);
      });
    }
    return at(0);
  }

  function indexFirst(file) {
    if (!/\.(mp4|m4v|mov)$/i.test(file.name)) { return Promise.resolve(null); }
    return boxes(file).then(function (b) {
      if (!b.moov || b.mdat === undefined || b.moov[0] < b.mdat) { return null; }
      return new Promise(function (resolve, reject) {
        stageEl.textContent = 'sending the index first';
        var part = file.slice(b.moov[0], b.moov[0] + b.moov[1]);
        var u = new tus.Upload(part, {
          endpoint: '/api/uploads',
          metadata: { filename: file.name, role: 'index', offset: String(b.moov[0]) },
          retryDelays: [0, 1000, 3000],
          storeFingerprintForResuming: false,
          onError: reject,
          onSuccess: function () { resolve(u.url.substring(u.url.lastIndexOf('/') + 1)); }
        });
        u.start();
      });
    }).catch(function () { return null; }); /* without it the server waits for the tail */
  }

  function follow(url) {
    if (events) { events.close(); }
    events = new EventSource(url + '/events');
    function show(e, last) {
      var s = JSON.parse(e.data);
      stageEl.textContent = s.stage || '';
      if (s.bytes_total) {
        bytesEl.textContent = mb(s.bytes_received) + ' of ' + mb(s.bytes_total);
        bar(barBytes, s.bytes_received / s.bytes_total);
      }
      var dur = s.duration_sec;
      decodedEl.textContent = s.decoded_sec.toFixed(1) + ' s' + (dur ? ' of ' + dur.toFixed(1) + ' s' : '');
      if (dur) { bar(barDecoded, s.decoded_sec / dur); }
      if (last) {
        events.close();
        cancelBtn.hidden = true;
        startBtn.disabled = false;
        if (s.run) {
          bar(barDecoded, 1);
          result.textContent = '';
          result.classList.remove('error');
          var a = document.createElement('a');
          a.href = '/?run=' + encodeURIComponent(s.run);
          a.id = 'upload-run-link';
          a.textContent = 'Open run ' + s.run;
          result.appendChild(a);
        } else {
          say(s.error || s.stage, true);
        }
      }
    }
    events.addEventListener('progress', function (e) { show(e, false); });
    events.addEventListener('end', function (e) { show(e, true); });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var file = fileInput.files && fileInput.files[0];
    if (!file) { return; }
    if (file.size > max) { say(file.name + ': larger than this server accepts (' + mb(max) + ')', true); return; }
    box.hidden = false;
    startBtn.disabled = true;
    cancelBtn.hidden = false;
    say('', false);
    bar(barBytes, 0);
    bar(barDecoded, 0);
    stageEl.textContent = 'starting';
    indexFirst(file).then(function (indexId) {
      var metadata = { filename: file.name, reference: refSelect.value };
      if (indexId) { metadata.index = indexId; }
      upload = new tus.Upload(file, {
        endpoint: '/api/uploads',
        chunkSize: CHUNK,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        metadata: metadata,
        onUploadUrlAvailable: function () { follow(upload.url); },
        onProgress: function (sent, total) {
          bytesEl.textContent = mb(sent) + ' of ' + mb(total);
          bar(barBytes, sent / total);
        },
        onError: function (err) {
          startBtn.disabled = false;
          cancelBtn.hidden = true;
          say(file.name + ': ' + (err && err.message ? err.message.split('\n')[0] : 'upload failed'), true);
        },
        onSuccess: function () { stageEl.textContent = 'matching'; }
      });
      upload.start();
    });
  });

  cancelBtn.addEventListener('click', function () {
    if (upload) { upload.abort(true); }
    cancelBtn.hidden = true;
    startBtn.disabled = false;
    say('cancelled', true);
  });
})();
