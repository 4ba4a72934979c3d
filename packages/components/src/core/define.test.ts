import { expect } from '@open-wc/testing';
import { defineElement } from './define.js';
import { IqNationalIdInput } from '../national-id-input/national-id-input.js';

describe('defineElement', () => {
  it('importing a class defines no tag', () => {
    expect(
      customElements.get('iq-national-id-input') === undefined,
      'not defined by the class import',
    ).to.equal(true);
  });

  it('defines the tag once; a second copy of the library warns and does not throw', () => {
    const warnings: unknown[][] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('iq-test-twice', class extends IqNationalIdInput {});
      const first = customElements.get('iq-test-twice');
      defineElement('iq-test-twice', class extends IqNationalIdInput {});
      expect(customElements.get('iq-test-twice') === first, 'the first definition stays').to.equal(
        true,
      );
      expect(warnings.length).to.equal(1);
      expect(String(warnings[0]![0])).to.contain('<iq-test-twice>: already defined');
      defineElement('iq-test-twice', first!);
      expect(warnings.length, 'defining the same class again is silent').to.equal(1);
    } finally {
      console.warn = original;
    }
  });
});
