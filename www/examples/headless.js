// The headless API: cardhelp's engine without its UI. Same contract as `cardhelp plan`.
import { plan } from '../cardhelp.js';

const form = document.getElementById('case');
const result = document.getElementById('result');

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

async function show() {
  result.replaceChildren();
  try {
    const p = await plan({
      today: today(),
      topic: 'billing_dispute',
      facts: { statement_sent: form.sent.value },
    });
    const heading = document.createElement('h2');
    heading.textContent = `Urgency: ${p.urgency}`;
    const list = document.createElement('ul');
    list.id = 'deadlines';
    for (const d of p.deadlines) {
      const item = document.createElement('li');
      item.dataset.id = d.id;
      item.textContent = `${d.date}: ${d.summary} (${d.citation})`;
      list.append(item);
    }
    result.append(heading, list);
  } catch (error) {
    const message = document.createElement('p');
    message.setAttribute('role', 'alert');
    message.textContent = `Could not compute the plan: ${error.message}`;
    result.append(message);
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show();
});
show();
