import { pdfLib, rgb } from './pdf-libraries';

describe('pdf-libraries', () => {
  it('makes colours that pdf-lib takes as its own', () => {
    expect(rgb(0.3, 0.55, 1)).toEqual(pdfLib().rgb(0.3, 0.55, 1));
  });
});
