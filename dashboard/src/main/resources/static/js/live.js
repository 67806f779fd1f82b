// Refreshes the instances table every 3 s while an instance is building or busy (the server marks the rows
// with data-changing), so a status changes without a reload. Nothing else runs in the page.
(function () {
  const rows = document.getElementById('instance-rows');
  if (!rows) {
    return;
  }
  async function refresh() {
    const current = document.getElementById('instance-rows');
    if (current.dataset.changing !== 'true') {
      return;
    }
    try {
      const response = await fetch('instances/rows', {headers: {'Accept': 'text/html'}, credentials: 'same-origin'});
      if (response.redirected || !response.ok) {
        return; // logged out, or the server is away: the page stays as it is
      }
      const holder = document.createElement('table');
      holder.innerHTML = await response.text();
      const fresh = holder.querySelector('#instance-rows');
      if (fresh) {
        current.replaceWith(fresh);
      }
    } finally {
      setTimeout(refresh, 3000);
    }
  }
  setTimeout(refresh, 3000);
})();
