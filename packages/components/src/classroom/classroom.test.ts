import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { unwrap, type Material } from '@iq-eservices/api';
import type { IqClassroom } from './classroom.js';
import type { IqLectureJoinEvent, IqMaterialOpenEvent, IqMaterialSavedEvent } from './events.js';
import { sha256 } from './download.js';
import { setPageLanguage, until } from '../test/helpers.js';
import { $, $$, clearSaved, material, render, savedHash, signedIn, text } from './test/harness.js';

const GRAMMAR = 'mat_arabic_grammar';

/** The listed record of a material (its size and checksum), through the test's client. */
async function listed(s: Awaited<ReturnType<typeof signedIn>>, id: string): Promise<Material> {
  const page = unwrap(
    await s.client.education.GET('/courses/{courseId}/materials', {
      params: { path: { courseId: 'crs_arabic' } },
    }),
  );
  return page.items.find((m) => m.id === id)!;
}

/** Presses "Save for offline" of a material with the keyboard and waits for it to be saved. */
async function saveWithKeyboard(el: IqClassroom, id: string): Promise<IqMaterialSavedEvent> {
  const saved = new Promise<IqMaterialSavedEvent>((resolve) =>
    el.addEventListener('iq-material-saved', resolve, { once: true }),
  );
  material(el, id).querySelector<HTMLElement>('[part="save"]')!.focus();
  await sendKeys({ press: 'Enter' });
  return saved;
}

describe('iq-classroom', function () {
  this.timeout(20000);

  afterEach(async () => {
    await clearSaved();
    await setViewport({ width: 800, height: 600 });
    await setPageLanguage('ar');
  });

  it('this week first: the live lecture with "Join", the next with a countdown, then the courses', async () => {
    await setPageLanguage('en');
    await signedIn();
    const el = await render();
    const live = $(el, '[part="live"]')!;
    expect(live.textContent).to.contain('Live now');
    expect(live.textContent).to.contain('Arabic grammar');
    const next = $(el, '[part="countdown"]')!;
    expect(next.textContent!.trim()).to.match(/^Starts in \d+ h \d+ min$/);
    // The week comes before the courses.
    expect(
      $(el, '.week')!.compareDocumentPosition($(el, '[part="courses"]')!) &
        Node.DOCUMENT_POSITION_FOLLOWING,
    ).to.not.equal(0);
    // Only the live lecture can be joined.
    expect($$(el, '[part="join"]')).to.have.length(1);
    const heard: IqLectureJoinEvent[] = [];
    el.addEventListener('iq-lecture-join', (e) => {
      heard.push(e);
      e.preventDefault(); // the host opens it its own way
    });
    $(el, '[part="join"]')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(heard).to.have.length(1);
    expect(heard[0]!.joinUrl).to.match(/^https:\/\/meet\.example\.edu\.iq\/join\//);
    expect(text(el, '[part="institution"]')).to.contain('Open Educational College');
    expect(text(el, '[part="announcements"]')).to.contain('Term exam dates');
  });

  it('shows each material’s size before anything is downloaded, in the page’s language and digits', async () => {
    await setPageLanguage('ar');
    const s = await signedIn();
    const el = await render();
    expect(material(el, GRAMMAR).querySelector('[part="size"]')!.textContent).to.equal(
      '١٫٢ ميغابايت',
    );
    expect(material(el, 'mat_math_exercises').querySelector('[part="size"]')!.textContent).to.equal(
      '٤٥ كيلوبايت',
    );
    expect(s.sandbox.calls['downloadMaterial'] ?? 0).to.equal(0);
  });

  for (const fraction of [0.3, 0.6, 0.9]) {
    it(`a download cut at ${fraction * 100} % resumes without downloading again what arrived (keyboard)`, async () => {
      await setPageLanguage('en');
      const s = await signedIn();
      const el = await render();
      const record = await listed(s, GRAMMAR);
      s.controls.resetCounters();
      s.controls.cutNextDownload(GRAMMAR, fraction);
      const saved = await saveWithKeyboard(el, GRAMMAR);
      expect(saved.materialId).to.equal(GRAMMAR);
      // Two requests (the cut one and the rest), and every byte sent once.
      expect(s.sandbox.calls['downloadMaterial']).to.equal(2);
      expect(s.controls.bytesServed(GRAMMAR)).to.equal(record.size);
      expect(await savedHash(GRAMMAR)).to.equal(record.checksum.value);
      // Focus moves to what comes next: opening it.
      await until(() => el.shadowRoot!.activeElement?.id === `open-${GRAMMAR}`, 'focus on Open');
    });
  }

  it('a corrupted download is detected by its checksum: a clear message, nothing kept', async () => {
    await setPageLanguage('en');
    const s = await signedIn();
    const el = await render();
    s.controls.corruptNextDownload(GRAMMAR);
    material(el, GRAMMAR).querySelector<HTMLElement>('[part="save"]')!.click();
    await until(() => !!material(el, GRAMMAR).querySelector('[role="alert"]'), 'the message');
    expect(material(el, GRAMMAR).querySelector('[role="alert"]')!.textContent).to.contain(
      'arrived damaged',
    );
    expect(await savedHash(GRAMMAR)).to.equal(null);
    expect($(el, '[part="storage"]')).to.equal(null);
  });

  it('a new version published while the download was cut: it starts over and keeps the new one', async () => {
    await setPageLanguage('en');
    const s = await signedIn();
    const el = await render();
    s.controls.cutNextDownload(GRAMMAR, 0.5);
    // The ministry publishes a new version right after the cut, before the download goes on.
    const fetch = s.sandbox.fetch.bind(s.sandbox);
    let files = 0;
    s.sandbox.fetch = (request, env) => {
      if (/\/file$/.test(new URL(request.url).pathname) && ++files === 2)
        s.controls.publishNewVersion(GRAMMAR);
      return fetch(request, env);
    };
    const saved = await saveWithKeyboard(el, GRAMMAR);
    expect(saved.version).to.equal(2);
    const now = await listed(s, GRAMMAR);
    expect(now.version).to.equal(2);
    expect(await savedHash(GRAMMAR)).to.equal(now.checksum.value);
  });

  it('a saved material opens with no network, from the device', async () => {
    await setPageLanguage('en');
    const s = await signedIn();
    const el = await render();
    const record = await listed(s, GRAMMAR);
    await saveWithKeyboard(el, GRAMMAR);
    expect(text(el, '[part="storage"]')).to.contain('1.2 MB');
    // The network goes: every call fails, the element says so and still lists what is saved.
    s.sandbox.faults.set({ faults: [{ kind: 'drop' }] });
    const before = s.sandbox.calls['downloadMaterial'];
    await el.refresh();
    await until(() => !!$(el, '[part="offline"]'), 'the offline notice');
    const opened = new Promise<IqMaterialOpenEvent>((resolve) =>
      el.addEventListener(
        'iq-material-open',
        (e) => {
          e.preventDefault();
          resolve(e);
        },
        { once: true },
      ),
    );
    material(el, GRAMMAR).querySelector<HTMLElement>('[part="open"]')!.focus();
    await sendKeys({ press: 'Enter' });
    const event = await opened;
    const bytes = new Uint8Array(await (await fetch(event.url)).arrayBuffer());
    expect(await sha256(bytes)).to.equal(record.checksum.value);
    expect(s.sandbox.calls['downloadMaterial']).to.equal(before);
  });

  it('removes a saved material, and every saved material, with the keyboard', async () => {
    await setPageLanguage('en');
    await signedIn();
    const el = await render();
    await saveWithKeyboard(el, 'mat_math_exercises');
    material(el, 'mat_math_exercises').querySelector<HTMLElement>('[part="remove"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '[part="storage"]'), 'nothing saved');
    expect(await savedHash('mat_math_exercises')).to.equal(null);
    await saveWithKeyboard(el, 'mat_math_exercises');
    $(el, '[part="storage"] button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !$(el, '[part="storage"]'), 'nothing saved');
    expect(await el.savedMaterials()).to.deep.equal([]);
  });

  it('a citizen who is not a student is told so', async () => {
    await setPageLanguage('en');
    await signedIn('cit_02');
    const el = await render();
    expect(text(el, '[part="empty"]')).to.equal('You are not registered as a student.');
    expect($(el, '[part="courses"]')).to.equal(null);
  });

  it('data saver offers recordings in their smallest quality', async () => {
    await setPageLanguage('en');
    const s = await signedIn();
    // The past week too: that is where the recordings are.
    const from = new Date(Date.now() - 7 * 24 * 60 * 60 * 1000).toISOString();
    const data = {
      profile: unwrap(await s.client.education.GET('/student')),
      courses: unwrap(await s.client.education.GET('/courses')).items,
      lectures: unwrap(await s.client.education.GET('/lectures', { params: { query: { from } } }))
        .items,
    };
    const el = await fixture<IqClassroom>(html`<iq-classroom .data=${data}></iq-classroom>`);
    const recorded = () => $$(el, '[part="lecture"] a').map((a) => a.getAttribute('href') ?? '');
    expect(recorded()).to.have.length(2);
    expect(recorded().every((href) => href.endsWith('/360p.mp4'))).to.equal(true);
    el.dataSaver = true;
    await el.updateComplete;
    expect(recorded().every((href) => href.endsWith('/240p.mp4'))).to.equal(true);
    expect(text(el, '[part="lectures"]')).to.contain('240p');
  });

  it('renders hostile strings from the host or server as text, and fits 320 px', async () => {
    await setPageLanguage('ar');
    const s = await signedIn();
    const profile = unwrap(await s.client.education.GET('/student'));
    const lectures = unwrap(await s.client.education.GET('/lectures')).items;
    const hostile = '<img src=x onerror="window.__pwned=1"> \u202Eevil\u202C ' + 'ب'.repeat(200);
    const el = await fixture<IqClassroom>(
      html`<iq-classroom
        .data=${{
          profile: { ...profile, institution: { ...profile.institution, name: hostile } },
          courses: [
            {
              id: 'crs_x',
              code: 'ABC101',
              title: hostile,
              teacher: hostile,
              schedule: [{ weekday: 0, start: '10:00', end: '11:00' }],
              timeZone: 'Asia/Baghdad',
            },
          ],
          lectures: lectures.map((l) => ({ ...l, title: hostile })),
          announcements: [
            { id: 'ann_x', title: hostile, body: hostile, publishedAt: lectures[0]!.startsAt },
          ],
        }}
      ></iq-classroom>`,
    );
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(text(el, '[part="institution"]')).to.contain('<img src=x');
    await setViewport({ width: 320, height: 640 });
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
