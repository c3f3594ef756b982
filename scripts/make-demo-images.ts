// Draws the demo content's hero images and expert portraits. Run once; the output is committed.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const out = path.join(process.cwd(), 'public', 'images', 'demo');
const W = 1600;
const H = 900;

// A small deterministic generator, so the images are the same on every run.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) % 4_294_967_296;
    return state / 4_294_967_296;
  };
}

const heroes: Record<string, (rand: () => number) => string> = {
  'contour-lines': (rand) => {
    let lines = '';
    for (let i = 0; i < 28; i++) {
      const y = 60 + i * 30;
      let d = `M0 ${y}`;
      for (let x = 0; x <= W; x += 100)
        d += ` Q${x + 50} ${y + (rand() - 0.5) * 90} ${x + 100} ${y}`;
      lines += `<path d="${d}" stroke="hsl(${160 + i * 3} 45% ${30 + i * 1.5}%)" stroke-width="3" fill="none"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="#0d2b2a"/>${lines}`;
  },
  'skyline-bars': (rand) => {
    let bars = '';
    for (let x = 0; x < W; x += 64) {
      const h = 120 + rand() * 560;
      bars += `<rect x="${x + 6}" y="${H - h}" width="52" height="${h}" fill="hsl(${210 + rand() * 20} 40% ${35 + rand() * 25}%)"/>`;
    }
    return `<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f4c27a"/><stop offset="1" stop-color="#c8553d"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#g)"/><circle cx="1180" cy="300" r="140" fill="#fbe3b0"/>${bars}`;
  },
  'trade-arcs': (rand) => {
    let dots = '';
    for (let i = 0; i < 900; i++) {
      dots += `<circle cx="${rand() * W}" cy="${rand() * H}" r="${1 + rand() * 2}" fill="#9fb7d9" opacity="${0.2 + rand() * 0.5}"/>`;
    }
    let arcs = '';
    for (let i = 0; i < 14; i++) {
      const x1 = rand() * W;
      const x2 = rand() * W;
      const y1 = 300 + rand() * 500;
      const y2 = 300 + rand() * 500;
      arcs += `<path d="M${x1} ${y1} Q${(x1 + x2) / 2} ${Math.min(y1, y2) - 250 - rand() * 200} ${x2} ${y2}" stroke="#f2a541" stroke-width="3" fill="none" opacity="0.85"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="#14213d"/>${dots}${arcs}`;
  },
  'concentric-rings': (rand) => {
    let rings = '';
    for (let r = 40; r < 1100; r += 38) {
      rings += `<circle cx="540" cy="460" r="${r}" stroke="hsl(0 0% ${70 - r / 25}%)" stroke-width="${2 + rand() * 8}" fill="none"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="#1f2226"/>${rings}<rect x="1040" y="0" width="560" height="${H}" fill="#8c1c13" opacity="0.85"/>`;
  },
  'cell-pattern': (rand) => {
    let cells = '';
    for (let i = 0; i < 140; i++) {
      const r = 20 + rand() * 70;
      cells += `<circle cx="${rand() * W}" cy="${rand() * H}" r="${r}" fill="hsl(${340 + rand() * 40} 55% ${60 + rand() * 20}%)" opacity="0.55"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="#fdf0ec"/>${cells}`;
  },
  'circuit-grid': (rand) => {
    let paths = '';
    for (let i = 0; i < 70; i++) {
      let x = Math.round((rand() * W) / 40) * 40;
      let y = Math.round((rand() * H) / 40) * 40;
      let d = `M${x} ${y}`;
      for (let s = 0; s < 6; s++) {
        if (rand() > 0.5) x += (rand() > 0.5 ? 1 : -1) * 80;
        else y += (rand() > 0.5 ? 1 : -1) * 80;
        d += ` L${x} ${y}`;
      }
      paths += `<path d="${d}" stroke="#5ce1e6" stroke-width="3" fill="none" opacity="0.7"/><circle cx="${x}" cy="${y}" r="7" fill="#5ce1e6"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="#0b1320"/>${paths}`;
  },
  'wind-field': (rand) => {
    let strokes = '';
    for (let i = 0; i < 420; i++) {
      const x = rand() * W;
      const y = rand() * H;
      const angle = Math.sin(x / 260) + Math.cos(y / 200);
      const length = 40 + rand() * 60;
      strokes += `<line x1="${x}" y1="${y}" x2="${x + Math.cos(angle) * length}" y2="${y + Math.sin(angle) * length}" stroke="hsl(${190 + rand() * 30} 60% ${45 + rand() * 30}%)" stroke-width="3" stroke-linecap="round"/>`;
    }
    return `<rect width="${W}" height="${H}" fill="#e8f1f2"/>${strokes}`;
  },
  'ledger-columns': (rand) => {
    let rows = '';
    for (let y = 80; y < H; y += 44) {
      for (let c = 0; c < 5; c++) {
        const w = 60 + rand() * 180;
        rows += `<rect x="${120 + c * 280}" y="${y}" width="${w}" height="14" rx="7" fill="${c === 4 ? '#2a9d8f' : '#264653'}" opacity="${0.35 + rand() * 0.5}"/>`;
      }
    }
    return `<rect width="${W}" height="${H}" fill="#f1ede4"/>${rows}<line x1="0" y1="60" x2="${W}" y2="60" stroke="#264653" stroke-width="4"/>`;
  },
};

const portraits: Record<string, [string, string, string]> = {
  'helen-orvik': ['#2a9d8f', '#e9c46a', '#264653'],
  'daniel-achterberg': ['#e76f51', '#f4a261', '#3d405b'],
  'priya-raman': ['#6d597a', '#eaac8b', '#355070'],
  'tomasz-wren': ['#8d99ae', '#edf2f4', '#2b2d42'],
  'amara-okafor': ['#bc4749', '#f2e8cf', '#386641'],
};

function portrait([background, skin, clothing]: [string, string, string]) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600">
    <rect width="600" height="600" fill="${background}"/>
    <circle cx="300" cy="240" r="110" fill="${skin}"/>
    <path d="M90 600 C110 420 200 370 300 370 C400 370 490 420 510 600 Z" fill="${clothing}"/>
  </svg>`;
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  let seed = 7;
  for (const [name, draw] of Object.entries(heroes)) {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}">${draw(random(seed++))}</svg>`;
    await sharp(Buffer.from(svg))
      .jpeg({ quality: 78, mozjpeg: true })
      .toFile(path.join(out, `${name}.jpg`));
  }
  for (const [name, colours] of Object.entries(portraits)) {
    await sharp(Buffer.from(portrait(colours)))
      .jpeg({ quality: 80, mozjpeg: true })
      .toFile(path.join(out, `${name}.jpg`));
  }
  console.log(
    `Wrote ${Object.keys(heroes).length + Object.keys(portraits).length} images to ${out}`,
  );
}

void main();
