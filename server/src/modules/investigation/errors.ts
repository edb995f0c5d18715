import { conflict, forbidden, notFound, unprocessable, type FieldErrors } from '../../lib/errors.js';
import { istDate } from '../../lib/clock.js';

/**
 * The investigation module's errors, each with a stable code and its message in English and
 * Hindi. Times in messages are shown in IST.
 */

const ist = (d: Date) => `${istDate(d)} ${new Date(d.getTime() + 5.5 * 3600_000).toISOString().slice(11, 16)} IST`;

export const caseNotFound = () => notFound('Case', 'प्रकरण', 'case_not_found');
export const recordNotFound = (what: string, whatHi: string, code: string) => notFound(what, whatHi, code);

export const noIoAssigned = () =>
  conflict(
    'no_io_assigned',
    'No investigating officer has been assigned to this case yet; the SHO assigns one first.',
    'इस प्रकरण में अभी कोई विवेचक नियुक्त नहीं है; पहले थाना प्रभारी नियुक्त करें।',
  );

export const notDesignatedIo = (ioName: string | null) =>
  forbidden(
    'not_designated_io',
    `Only the designated investigating officer of this case${ioName ? ` (${ioName})` : ''} may do this.`,
    `यह केवल इस प्रकरण के नियुक्त विवेचक${ioName ? ` (${ioName})` : ''} कर सकते हैं।`,
  );

export const caseNotUnderInvestigation = (stage: string) =>
  conflict(
    'case_not_under_investigation',
    `Investigation records can be added only while the case is under investigation; it is now at stage "${stage}".`,
    `विवेचना अभिलेख केवल विवेचना के दौरान जोड़े जा सकते हैं; प्रकरण अभी "${stage}" चरण पर है।`,
  );

export const caseNotOpened = () =>
  conflict(
    'case_not_opened',
    'The investigation of this case has not begun: no IO is assigned yet.',
    'इस प्रकरण की विवेचना प्रारंभ नहीं हुई है: अभी विवेचक नियुक्त नहीं है।',
  );

export const caseTransferred = () =>
  conflict(
    'case_transferred',
    'This FIR has been sent on transfer; the receiving station investigates it under its own FIR number.',
    'यह एफआईआर स्थानांतरण पर भेजी गई है; प्राप्त करने वाला थाना इसकी विवेचना अपनी एफआईआर संख्या से करेगा।',
  );

/** BNSS / CAG: no record of a case may be earlier than the FIR's registration. */
export const beforeRegistration = (field: string, what: string, whatHi: string, registeredAt: Date) =>
  unprocessable(
    'before_fir_registration',
    `The ${what} cannot be before the FIR was registered (${ist(registeredAt)}).`,
    `${whatHi} एफआईआर के पंजीकरण (${ist(registeredAt)}) से पहले का नहीं हो सकता।`,
    { [field]: `is before the FIR registration time ${registeredAt.toISOString()}` },
  );

export const inFuture = (field: string) =>
  unprocessable('time_in_future', `The time ${field} is in the future.`, `समय ${field} भविष्य में है।`, { [field]: 'is in the future' });

export const badOrder = (field: string, message: string, messageHi: string) =>
  unprocessable('time_out_of_order', message, messageHi, { [field]: 'out of time order' });

export const reasonRequired = () => unprocessable('reason_required', 'Give the reason.', 'कारण बताएं।', { reason: 'required' });

export const invalid = (code: string, message: string, messageHi: string, fields?: FieldErrors) =>
  unprocessable(code, message, messageHi, fields);

export { ist as istText };
