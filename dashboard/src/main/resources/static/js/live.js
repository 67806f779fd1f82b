// The dashboard's only script; every page works without it, it makes them nicer:
// - a part marked data-live (a table's rows, an instance's state) is fetched again every 3 s while it says
//   data-changing="true", so a status changes without a reload;
// - a form marked data-confirm asks before it is sent (deletes, rebuilds, hard reboots, disabling a host);
// - the image upload form shows its progress;
// - a button marked data-copy copies the element it names (a clouds.yaml snippet).
(function () {
  'use strict';

  function watch(element) {
    setTimeout(async function refresh() {
      const current = document.getElementById(element.id);
      if (!current || current.dataset.changing !== 'true') {
        return;
      }
      try {
        const response = await fetch(current.dataset.live, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'});
        if (response.redirected || !response.ok) {
          return; // logged out, or the server is away: the page stays as it is
        }
        const holder = document.createElement(current.tagName === 'TBODY' ? 'table' : 'div');
        holder.innerHTML = await response.text();
        const fresh = holder.querySelector('#' + current.id);
        if (fresh) {
          current.replaceWith(fresh);
          watch(fresh);
        }
      } catch (e) {
        setTimeout(() => watch(current), 3000);
      }
    }, 3000);
  }

  function confirmations() {
    document.addEventListener('submit', function (event) {
      const form = event.target;
      if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  }

  function uploadProgress() {
    const form = document.getElementById('upload');
    const bar = document.getElementById('upload-progress');
    if (!form || !bar) {
      return;
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const request = new XMLHttpRequest();
      request.open('POST', form.action);
      request.upload.addEventListener('progress', function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(e.loaded * 100 / e.total);
        }
      });
      request.addEventListener('load', function () {
        history.replaceState(null, '', request.responseURL);
        document.open();
        document.write(request.responseText);
        document.close();
      });
      function failed(why) {
        bar.hidden = true;
        bar.value = 0;
        form.querySelector('button[type=submit]').disabled = false;
        window.alert('The upload did not finish: ' + why + '. Nothing was kept; try again.');
      }
      request.addEventListener('error', () => failed('the dashboard could not be reached'));
      request.addEventListener('abort', () => failed('it was cancelled'));
      request.addEventListener('timeout', () => failed('it took too long'));
      bar.hidden = false;
      form.querySelector('button[type=submit]').disabled = true;
      request.send(new FormData(form));
    });
  }

  function copyButtons() {
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        const source = document.getElementById(button.dataset.copy);
        if (navigator.clipboard) { // only on https or localhost
          navigator.clipboard.writeText(source.textContent).then(() => { button.textContent = 'Copied'; });
          return;
        }
        const range = document.createRange(); // else select it, for Ctrl+C
        range.selectNodeContents(source);
        window.getSelection().removeAllRanges();
        window.getSelection().addRange(range);
        button.textContent = 'Selected: press Ctrl+C';
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-live]').forEach(watch);
    confirmations();
    uploadProgress();
    copyButtons();
  });
})();
