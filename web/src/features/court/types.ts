import type { Appeal, Disposal, Hearing } from '../prosecution/types.ts';

/** The e-filing package JSON as the court receives it (server: prosecution/efiling-schema.ts). */
export interface EfilingPackage {
  schema: string;
  packageId: string;
  createdAt: string;
  source: { stateCode: string; district: { code: string; name: string }; station: { code: string; name: string; nameHi: string } };
  court: { code: string; name: string; establishmentCode: string };
  fir: {
    id: string;
    number: string;
    year: number;
    registeredAt: string;
    sections: { act: string; section: string; title: string | null }[];
    sensitive: boolean;
  };
  finalReport: {
    kind: 'charge_sheet' | 'closure';
    closureReason: string | null;
    investigatingOfficer: { name: string; rank: string | null };
    approvedBy: { name: string; rank: string | null };
    approvedAt: string;
    briefFacts: { en: string; hi: string };
    closureGrounds: string | null;
    accusedCharged: {
      code: string;
      name: string;
      fatherName: string | null;
      ageYears: number | null;
      address: string | null;
      custody: { status: string; arrestedAt: string | null };
      sections: { act: string; section: string; title: string | null }[];
    }[];
    accusedNotCharged: { code: string; name: string; reason: string }[];
    witnesses: { code: string; role: string; name: string | null; identityWithheld: boolean }[];
    documents: { documentId: string; title: string; fileName: string; sha256: string }[];
    materialObjects: { itemId: string; seizureMemoNo: number; itemNo: number; description: string; location: string }[];
  };
  attachments: { name: string; language: 'en' | 'hi'; sha256: string; sizeBytes: number }[];
}

export interface CourtInfo {
  id: string;
  code: string;
  name: string;
  nameHi: string;
  establishmentCode: string;
  district: { code: string; name: string; nameHi: string };
}

export interface PackageItem {
  packageId: string;
  caseId: string;
  firNumber: string;
  station: { code: string; name: string; nameHi: string };
  kind: 'charge_sheet' | 'closure';
  status: 'pending' | 'delivered' | 'accepted';
  cnr: string | null;
  stage: string;
  createdAt: string;
}

export interface CourtCase {
  packageId: string;
  caseId: string;
  packageSha256: string;
  pdf: { en: { sha256: string }; hi: { sha256: string } };
  status: 'pending' | 'delivered' | 'accepted';
  cnr: string | null;
  courtCaseNo: string | null;
  createdAt: string;
  firNumber: string;
  station: { code: string; name: string; nameHi: string };
  stage: string;
  courtCase: { cnr: string; courtCaseNo: string | null; acceptedAt: string; acceptedVia: string } | null;
  hearings: Hearing[];
  disposal: Disposal | null;
  appeals: Appeal[];
  actions: string[];
  package: EfilingPackage;
}
