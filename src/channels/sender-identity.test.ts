import { describe, expect, it } from 'vitest';
import { identityRefOf, movedTo, senderIdentityOf } from './sender-identity.ts';

const sender = {
  id: '33612345678',
  phone: '+33612345678',
  bsuid: null,
  parentBsuid: null,
  name: 'Inès',
  username: null,
};

describe('a sender in the words the modules keep', () => {
  it('keeps the channel id, the number and the profile of a sender with a number', () => {
    expect(senderIdentityOf(sender)).toEqual({
      externalId: '33612345678',
      scopedId: null,
      parentScopedId: null,
      phone: '+33612345678',
      username: null,
      profileName: 'Inès',
    });
  });

  it('has no channel id for a person known only by a business-scoped id (it is their id too)', () => {
    const phoneless = {
      ...sender,
      id: 'US.1349',
      phone: null,
      bsuid: 'US.1349',
      parentBsuid: 'US.ENT.1',
      username: '@ines',
    };
    expect(senderIdentityOf(phoneless)).toMatchObject({
      externalId: null,
      scopedId: 'US.1349',
      parentScopedId: 'US.ENT.1',
      username: '@ines',
    });
    expect(identityRefOf(phoneless)).toEqual({ externalId: null, scopedId: 'US.1349' });
  });

  it('keeps both ids of a sender who has both', () => {
    expect(identityRefOf({ id: '16315551181', bsuid: 'US.1349' })).toEqual({
      externalId: '16315551181',
      scopedId: 'US.1349',
    });
  });

  it('reads the new id and number of a number change, and nothing from other notices', () => {
    const notice = (type: string, newWaId: string | null) => ({ system: { type, body: null, newWaId } });
    expect(movedTo(notice('user_changed_number', '33688888888'))).toEqual({
      externalId: '33688888888',
      phone: '+33688888888',
    });
    expect(movedTo(notice('customer_identity_changed', '33688888888'))).toBeNull();
    expect(movedTo(notice('user_changed_number', null))).toBeNull();
    expect(movedTo({ system: undefined })).toBeNull();
  });
});
