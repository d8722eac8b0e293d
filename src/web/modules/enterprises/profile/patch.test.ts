import { describe, expect, it } from 'vitest';
import type { EnterpriseProfile } from '../../../../shared/enterprises';
import { basicPatch, basicValuesOf } from './patch';

const profile = {
  id: 'e1',
  uscc: '91370202MA3C00001X',
  name: '青岛测试科技有限公司',
  legalRepresentative: '张三',
  registeredCapital: 100,
  establishedOn: '2020-01-02',
  registeredAddress: '香港中路1号',
  street: { code: 'xgzl', name: '香港中路街道' },
  industry: {
    code: '65',
    name: '软件和信息技术服务业',
    division: '65',
    section: 'I',
    sectionName: '信息传输',
  },
  employees: 20,
  insuredEmployees: 18,
  building: null,
  unit: null,
  tags: ['人工智能'],
  version: 7,
} as unknown as EnterpriseProfile;

describe('basicPatch', () => {
  it('sends only the changed fields and the version the editor started from', () => {
    const v = { ...basicValuesOf(profile), employees: 25, building: '  浮山湾金融中心 ' };
    expect(basicPatch(profile, v, false)).toEqual({ version: 7, employees: 25, building: '浮山湾金融中心' });
  });

  it('sends an emptied field as null (unknown), never as an empty string or zero', () => {
    const v = { ...basicValuesOf(profile), legalRepresentative: '   ', registeredCapital: null };
    expect(basicPatch(profile, v, false)).toEqual({
      version: 7,
      legalRepresentative: null,
      registeredCapital: null,
    });
  });

  it('leaves the USCC out unless the editor may correct it', () => {
    const v = { ...basicValuesOf(profile), uscc: '91370202ma3c00002y' };
    expect(basicPatch(profile, v, false)).toEqual({ version: 7 });
    expect(basicPatch(profile, v, true)).toEqual({ version: 7, uscc: '91370202MA3C00002Y' });
  });

  it('compares tags as a list', () => {
    expect(basicPatch(profile, { ...basicValuesOf(profile), tags: ['人工智能'] }, false)).toEqual({
      version: 7,
    });
    expect(basicPatch(profile, { ...basicValuesOf(profile), tags: ['人工智能', '数字经济'] }, false)).toEqual(
      {
        version: 7,
        tags: ['人工智能', '数字经济'],
      },
    );
  });
});
