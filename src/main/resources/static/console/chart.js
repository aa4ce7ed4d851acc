// History charts: fetched with the Authorization header and shown as images from blob: URLs, so the SVG is
// styled on its own and nothing in it runs or needs the page's style policy.

import { agentPath, call } from './api.js';

/**
 * The chart's documented contract: the points of metric m are the child elements of g#series-m, the pause
 * marks those of g#pauses, and each threshold line is drawn in g#threshold-<name>.
 */
const seriesSelector = (metric) => `g[id="series-${metric}"] > *`;
const THRESHOLDS = ['risk_approve', 'risk_revise', 'coherence_critical'];

/** Fetches the chart of {@code metrics} for {@code agentId} into {@code img}; answers what it shows. */
export async function showChart(img, agentId, metrics, last = 1000) {
  const params = new URLSearchParams({ metrics: metrics.join(','), last });
  const response = await call(agentPath(agentId, '/history.svg?') + params,
    { accept: 'image/svg+xml, application/problem+json, application/json', raw: true });
  const svg = await response.text();
  const counted = count(svg, metrics);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  const previous = img.dataset.objectUrl;
  img.dataset.objectUrl = url;
  img.src = url;
  img.hidden = false;
  if (previous) {
    URL.revokeObjectURL(previous);
  }
  return counted;
}

/**
 * Counts what the chart shows. The copy parsed for counting is never displayed; its style attributes and style
 * elements go first, since parsing them in this page would break its style policy (and be reported as such).
 */
function count(svg, metrics) {
  const unstyled = svg.replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/\sstyle\s*=\s*("[^"]*"|'[^']*')/g, '');
  const doc = new DOMParser().parseFromString(unstyled, 'image/svg+xml');
  const points = {};
  for (const metric of metrics) {
    points[metric] = doc.querySelectorAll(seriesSelector(metric)).length;
  }
  const thresholds = THRESHOLDS.filter((name) => doc.querySelector(`g[id="threshold-${name}"]`));
  const pauses = doc.querySelectorAll('g[id="pauses"] > *').length;
  return { points, thresholds, pauses };
}

/** A caption such as "E: 12 points, I: 12 points · 1 pause marked · thresholds: risk_approve". */
export function caption(counted) {
  const parts = [Object.entries(counted.points).map(([metric, n]) => `${metric}: ${n} ${n === 1 ? 'point' : 'points'}`).join(', ')];
  parts.push(counted.pauses === 1 ? '1 pause marked' : `${counted.pauses} pauses marked`);
  if (counted.thresholds.length) {
    parts.push('thresholds: ' + counted.thresholds.join(', '));
  }
  return parts.join(' · ');
}
