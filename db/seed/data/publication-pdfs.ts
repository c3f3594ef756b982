import PDFDocument from 'pdfkit';

// The demo publications' PDFs, drawn at seed time. Fixed dates in their metadata make the same
// bytes every time, so a second seed finds the file it stored before under the same hash.

const navy = '#1f2a44';
const accent = '#b3412e';
const muted = '#5b6275';
const margin = 64;

type Doc = PDFKit.PDFDocument;

function render(title: string, draw: (doc: Doc) => void, created: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      margin,
      bufferPages: true,
      info: {
        Title: title,
        Author: 'Northgate Institute',
        Producer: 'Northgate Institute',
        Creator: 'Northgate Institute',
        CreationDate: created,
        ModDate: created,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    footers(doc, title);
    doc.end();
  });
}

function footers(doc: Doc, title: string) {
  const range = doc.bufferedPageRange();
  for (let index = 1; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Text below the bottom margin would start a new page; the footer belongs in the margin.
    doc.page.margins.bottom = 0;
    const bottom = doc.page.height - margin / 2 - 10;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(muted)
      .text(`${title}  ·  Northgate Institute`, margin, bottom, {
        width: doc.page.width - margin * 2 - 40,
        lineBreak: false,
      })
      .text(String(index + 1), doc.page.width - margin - 40, bottom, {
        width: 40,
        align: 'right',
        lineBreak: false,
      });
  }
}

function titlePage(doc: Doc, kind: string, title: string, subtitle: string, byline: string) {
  doc.rect(0, 0, doc.page.width, doc.page.height).fill(navy);
  doc.rect(margin, 180, 48, 6).fill(accent);
  doc
    .fillColor('#ffffff')
    .font('Helvetica-Bold')
    .fontSize(12)
    .text(kind.toUpperCase(), margin, 150)
    .font('Times-Bold')
    .fontSize(34)
    .text(title, margin, 210, { width: doc.page.width - margin * 2, lineGap: 4 })
    .moveDown(0.8)
    .font('Times-Roman')
    .fontSize(16)
    .fillColor('#d8dcea')
    .text(subtitle, { width: doc.page.width - margin * 2 - 60, lineGap: 3 })
    .moveDown(2)
    .font('Helvetica')
    .fontSize(12)
    .fillColor('#ffffff')
    .text(byline);
  doc
    .font('Helvetica-Bold')
    .fontSize(14)
    .text('Northgate Institute', margin, doc.page.height - 120)
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#d8dcea')
    .text('Independent analysis of economics, energy, trade and security');
  doc.addPage();
}

function heading(doc: Doc, text: string) {
  if (doc.y > doc.page.height - 180) doc.addPage();
  doc.moveDown(0.8).font('Times-Bold').fontSize(18).fillColor(navy).text(text).moveDown(0.4);
}

function paragraphs(doc: Doc, ...texts: string[]) {
  for (const text of texts) {
    doc
      .font('Times-Roman')
      .fontSize(11.5)
      .fillColor('#1a1a1a')
      .text(text, { align: 'left', lineGap: 3, paragraphGap: 8 });
  }
}

function bullets(doc: Doc, items: string[]) {
  doc.font('Times-Roman').fontSize(11.5).fillColor('#1a1a1a');
  doc.list(items, { bulletRadius: 2, textIndent: 14, lineGap: 3, paragraphGap: 4 });
  doc.moveDown(0.5);
}

function barChart(doc: Doc, caption: string, bars: [string, number][], unit: string) {
  if (doc.y > doc.page.height - 330) doc.addPage();
  const top = doc.y + 10;
  const left = margin + 110;
  const width = doc.page.width - margin * 2 - 150;
  const max = Math.max(...bars.map(([, value]) => value));
  doc.font('Helvetica-Bold').fontSize(10).fillColor(navy).text(caption, margin, top);
  let y = top + 24;
  for (const [label, value] of bars) {
    const length = (value / max) * width;
    doc.font('Helvetica').fontSize(9).fillColor('#1a1a1a');
    doc.text(label, margin, y + 3, { width: 100, align: 'right', lineBreak: false });
    doc.rect(left, y, length, 16).fill(label.endsWith('*') ? accent : navy);
    doc
      .fillColor('#1a1a1a')
      .text(`${value} ${unit}`, left + length + 6, y + 3, { lineBreak: false });
    y += 24;
  }
  doc
    .moveTo(left, top + 20)
    .lineTo(left, y)
    .strokeColor(muted)
    .lineWidth(0.5)
    .stroke();
  doc.x = margin;
  doc.y = y + 12;
}

function table(doc: Doc, caption: string, header: string[], rows: string[][], widths: number[]) {
  if (doc.y > doc.page.height - 260) doc.addPage();
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor(navy)
    .text(caption, margin, doc.y + 6);
  let y = doc.y + 8;
  const row = (cells: string[], bold: boolean, shade: boolean) => {
    const height = 22;
    if (shade) {
      doc
        .rect(
          margin,
          y,
          widths.reduce((a, b) => a + b, 0),
          height,
        )
        .fill('#eef0f5');
    }
    let x = margin;
    cells.forEach((cell, index) => {
      doc
        .font(bold ? 'Helvetica-Bold' : 'Helvetica')
        .fontSize(9)
        .fillColor('#1a1a1a')
        .text(cell, x + 6, y + 7, {
          width: widths[index]! - 12,
          align: index === 0 ? 'left' : 'right',
          lineBreak: false,
        });
      x += widths[index]!;
    });
    y += height;
  };
  row(header, true, false);
  doc
    .moveTo(margin, y)
    .lineTo(margin + widths.reduce((a, b) => a + b, 0), y)
    .strokeColor(navy)
    .lineWidth(1)
    .stroke();
  rows.forEach((cells, index) => row(cells, false, index % 2 === 0));
  doc.x = margin;
  doc.y = y + 14;
}

/** The demo report: a title page, then several pages of text with a chart and a table. */
export function gridReportPdf(): Promise<Buffer> {
  const title = 'Clearing the queue: connecting clean power to the grid';
  return render(
    title,
    (doc) => {
      titlePage(
        doc,
        'Report',
        title,
        'Why 700 gigawatts of projects wait for a connection, and five reforms that would halve the wait',
        'Priya Raman and Daniel Achterberg  ·  November 2026',
      );
      heading(doc, 'Summary');
      paragraphs(
        doc,
        'Britain has more electricity generation and storage waiting to connect to the grid than it will need in 2050. More than 700 gigawatts of projects hold a place in the connection queue, against a peak demand of about 60 gigawatts today. Most of those projects will never be built, yet the queue they form decides when the ones that will be built can begin to generate.',
        'A solar farm or battery applying today is routinely offered a connection date in the late 2030s. Developers respond by applying early and often, which lengthens the queue further. The result is a system in which a place in the queue is worth more than a viable project, and in which network companies spend their planning effort on schemes that will not proceed.',
        'This report estimates the cost of the delay, sets out why the reforms made since 2023 have only partly worked, and proposes five changes that would halve the typical wait for a viable project within three years.',
      );
      heading(doc, 'Key findings');
      bullets(doc, [
        'Projects holding connection offers add up to more than eleven times peak demand; on our estimate fewer than one in four will be built.',
        'The median offered connection date for a new battery project is now nine years after application.',
        'Each year of delay across the viable pipeline adds roughly £1.4 billion to household bills through higher wholesale prices and constraint payments.',
        'Milestone rules introduced in 2025 have removed fewer stalled projects than expected, because the evidence they ask for is cheap to produce.',
      ]);
      heading(doc, '1. How the queue grew');
      paragraphs(
        doc,
        'Until the late 2010s the queue worked on a simple principle: first come, first served. A project that applied first received the first available capacity, whether or not it had land, planning consent or finance. While applications were few, the principle did little harm. As the cost of solar panels and batteries fell, the number of applications rose much faster than the networks could study them.',
        'Because an application was cheap and a place in the queue was valuable, developers applied for more capacity than they meant to build and in more places than they meant to build it. Network operators, obliged to study every application, assumed every project would proceed, and so planned reinforcements that pushed connection dates further into the future.',
      );
      barChart(
        doc,
        'Figure 1. Capacity holding connection offers, by technology (gigawatts)',
        [
          ['Battery storage', 312],
          ['Solar', 173],
          ['Onshore wind', 62],
          ['Offshore wind', 118],
          ['Gas and other', 41],
          ['Peak demand (for scale)', 60],
        ],
        'GW',
      );
      paragraphs(
        doc,
        'Figure 1 sets the queue against peak demand. Battery storage alone holds offers for nearly five times the country’s peak. Storage is valuable and the system needs more of it, but no plausible scenario requires this much, and most of these projects have neither land rights nor planning consent.',
      );
      heading(doc, '2. What delay costs');
      paragraphs(
        doc,
        'A viable project that waits is a project that does not displace gas. We estimate the cost of delay by comparing the wholesale prices and constraint payments of the central scenario with a counterfactual in which viable projects connect three years sooner. The difference falls on consumers through their bills.',
      );
      table(
        doc,
        'Table 1. Estimated annual cost of a three-year delay to viable projects, 2027 to 2030',
        ['Component', '2027', '2028', '2029', '2030'],
        [
          ['Higher wholesale prices (£m)', '610', '720', '840', '910'],
          ['Constraint payments (£m)', '380', '420', '450', '470'],
          ['Balancing services (£m)', '90', '110', '120', '130'],
          ['Total (£m)', '1,080', '1,250', '1,410', '1,510'],
          ['Per household (£)', '38', '44', '49', '53'],
        ],
        [190, 76, 76, 76, 76],
      );
      paragraphs(
        doc,
        'The figures are conservative. They exclude the investment that goes elsewhere when developers conclude that British connection dates are unworkable, and the jobs that go with it.',
      );
      heading(doc, '3. Why recent reforms have only partly worked');
      paragraphs(
        doc,
        'The reforms of 2023 to 2025 moved the queue from first come, first served towards first ready, first connected. Projects must now show progress against milestones, such as securing land or applying for planning consent, or lose their place. In principle this removes speculative applications. In practice the evidence the milestones ask for is inexpensive: an option over land can be bought for a few thousand pounds, and a planning application can be submitted without any expectation of success.',
        'Network companies also lack the information to tell a viable project from a speculative one. They see an application, not a business plan. Without stronger signals, the reformed queue still moves slowly.',
      );
      heading(doc, '4. Five reforms');
      bullets(doc, [
        'Raise the cost of holding a place: a refundable security of £10,000 per megawatt, returned on connection and forfeited on withdrawal.',
        'Require planning consent, not a planning application, before a project can hold capacity beyond 2030.',
        'Publish the queue in full, project by project, so that developers and investors can see which places are real.',
        'Let network companies plan on the capacity they expect to connect, not the capacity that has applied, with the regulator’s approval.',
        'Offer flexible connections by default: a project that accepts curtailment at times of congestion connects years sooner.',
      ]);
      heading(doc, 'Conclusion');
      paragraphs(
        doc,
        'The connection queue is not a technical curiosity. It is the single largest obstacle between Britain and a cleaner, cheaper electricity system. None of our proposals needs primary legislation, and together they would let viable projects connect in half the time. The longer the queue is left to grow, the more expensive it will be to clear.',
        'About the authors. Priya Raman is a fellow of the Institute, working on trade and the supply chains of the energy transition. Daniel Achterberg is its director of economic policy.',
      );
    },
    new Date('2026-11-05T08:00:00Z'),
  );
}

/** The demo briefing, for members: two pages after its title page. */
export function procurementBriefingPdf(): Promise<Buffer> {
  const title = 'Buying readiness: five questions for defence procurement';
  return render(
    title,
    (doc) => {
      titlePage(
        doc,
        'Briefing',
        title,
        'What the next spending review should ask before the defence budget grows again',
        'Tomasz Wren  ·  October 2026',
      );
      heading(doc, 'Why this matters now');
      paragraphs(
        doc,
        'The defence budget is set to grow faster than any other department’s over the rest of the decade. Growth on that scale is an opportunity, but only if the money buys forces that are ready to fight within months rather than platforms that arrive in the 2040s. This briefing sets out five questions that ministers and the spending review should put to every large programme.',
      );
      heading(doc, 'Five questions');
      bullets(doc, [
        'What does this programme add to readiness within three years, and how will we know?',
        'Which stocks of munitions and spares does it depend on, and are those stocks funded?',
        'Could an existing design, bought off the shelf from an ally, meet the need sooner?',
        'What happens to the programme if costs rise by a quarter, as the average programme’s have?',
        'Who in industry holds the skills it needs, and will they still be there in ten years?',
      ]);
      barChart(
        doc,
        'Figure 1. Average cost growth of major programmes since approval (per cent)',
        [
          ['Land systems', 34],
          ['Air', 21],
          ['Maritime', 27],
          ['Complex weapons', 18],
          ['Average', 25],
        ],
        '%',
      );
      heading(doc, 'What we recommend');
      paragraphs(
        doc,
        'The spending review should fund munitions stocks and spares before new platforms, publish a readiness measure alongside the equipment plan, and require every programme over £1 billion to show an off-the-shelf alternative it has rejected, and why.',
        'About the author. Tomasz Wren is the Institute’s senior fellow for security and defence, and writes The Wren Dispatch.',
      );
    },
    new Date('2026-10-28T08:00:00Z'),
  );
}
