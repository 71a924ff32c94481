// The ImagePipe page: upload a CSV, list requests, watch one request's progress and images.
const api = '/api/v1/requests';
let watching = null;

document.getElementById('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  if (!form.get('webhookUrl')) form.delete('webhookUrl');
  const result = document.getElementById('upload-result');
  result.textContent = 'Uploading…';
  const response = await fetch(api, { method: 'POST', body: form });
  const body = await response.json();
  if (response.status === 202) {
    result.textContent = `Accepted: ${body.requestId}`;
    loadRequests();
if (location.hash.length > 1) watch(location.hash.substring(1));
    watch(body.requestId);
  } else {
    result.innerHTML = '';
    const title = document.createElement('p');
    title.className = 'error';
    title.textContent = body.detail || body.title || `HTTP ${response.status}`;
    result.appendChild(title);
    const list = document.createElement('ul');
    (body.errors || []).forEach((e) => {
      const item = document.createElement('li');
      item.textContent = `line ${e.line}${e.column ? `, column "${e.column}"` : ''}: ${e.message}`;
      list.appendChild(item);
    });
    result.appendChild(list);
  }
});

async function loadRequests() {
  const response = await fetch(`${api}?size=20`);
  const body = await response.json();
  const rows = document.querySelector('#requests tbody');
  rows.innerHTML = '';
  body.requests.forEach((r) => {
    const row = rows.insertRow();
    row.className = 'clickable';
    row.onclick = () => watch(r.requestId);
    [r.requestId, r.status, `${r.progress.succeeded + r.progress.failed} / ${r.progress.totalImages}`,
      new Date(r.createdAt).toLocaleString()].forEach((text) => { row.insertCell().textContent = text; });
  });
}

function watch(id) {
  if (watching) clearTimeout(watching);
  history.replaceState(null, '', `#${id}`);
  document.getElementById('detail').hidden = false;
  const poll = async () => {
    const response = await fetch(`${api}/${id}?size=200`);
    if (!response.ok) return;
    const r = await response.json();
    render(r);
    if (!r.completedAt) watching = setTimeout(poll, 1000); else loadRequests();
if (location.hash.length > 1) watch(location.hash.substring(1));
  };
  poll();
}

function render(r) {
  document.getElementById('detail-id').textContent = r.requestId;
  const status = document.getElementById('detail-status');
  status.textContent = r.status;
  status.className = `status-${r.status}`;
  const p = r.progress;
  document.getElementById('detail-progress').textContent =
    `${p.succeeded} succeeded, ${p.failed} failed, ${p.pending} pending of ${p.totalImages}`;
  const bar = document.getElementById('detail-bar');
  bar.max = p.totalImages;
  bar.value = p.succeeded + p.failed;
  const csv = document.getElementById('detail-csv');
  csv.hidden = !r.outputCsvUrl;
  if (r.outputCsvUrl) csv.href = r.outputCsvUrl;
  const products = document.getElementById('products');
  products.innerHTML = '';
  r.products.forEach((product) => {
    const div = document.createElement('div');
    div.className = 'product';
    const title = document.createElement('h3');
    title.textContent = `${product.serialNumber}. ${product.productName}`;
    div.appendChild(title);
    product.images.forEach((image) => div.appendChild(pair(image)));
    products.appendChild(div);
  });
}

function pair(image) {
  const div = document.createElement('div');
  div.className = 'pair';
  div.appendChild(figure(image.inputUrl, `input: ${image.inputUrl}`));
  const caption = image.error ? `${image.status}: ${image.error}` : image.status;
  div.appendChild(figure(image.outputUrl, caption, `status-${image.status}`));
  return div;
}

function figure(src, caption, captionClass) {
  const f = document.createElement('figure');
  if (src) {
    const img = document.createElement('img');
    img.src = src;
    img.loading = 'lazy';
    img.alt = caption;
    f.appendChild(img);
  }
  const c = document.createElement('figcaption');
  c.textContent = caption;
  if (captionClass) c.className = captionClass;
  f.appendChild(c);
  return f;
}

loadRequests();
if (location.hash.length > 1) watch(location.hash.substring(1));
