import type { Concept } from './lexicon.schema.ts';
import type { RedFlagCategory } from './red-flag-category.ts';

export interface RedFlagCombination {
  category: RedFlagCategory;
  /** Every one must be in the message, not denied, in either language. */
  all: readonly Concept[];
}

/**
 * Signs that are ordinary alone and an emergency together, as the guidance a clinician follows has them:
 * fever under 3 months (NICE NG143 traffic light: red at any temperature ≥ 38 °C), fever with a stiff neck
 * or a rash that does not fade (meningitis, purpura fulminans: HAS / NHS), infection with a sepsis sign
 * (UK Sepsis Trust, NICE NG51) even with no fever word and the two in different clauses, a head knock with a warning sign (NICE NG232), pregnancy with bleeding,
 * pain or a pre-eclampsia sign, an allergic reaction with throat, breathing or circulation trouble (anaphylaxis,
 * Resuscitation Council UK), a baby under 3 months who is floppy or stops feeding (NICE NG143), a
 * heater, boiler or stove burning fuel while several people of the house have a headache, are dizzy or sick
 * (carbon monoxide, NHS: "others in the house are ill too"), however many clauses apart.
 */
export const RED_FLAG_COMBINATIONS: readonly RedFlagCombination[] = [
  { category: 'infant_fever', all: ['young_infant', 'fever'] },
  { category: 'meningitis_signs', all: ['fever', 'stiff_neck'] },
  { category: 'meningitis_signs', all: ['fever', 'purpura'] },
  // Round 16: a rash that does not fade with light that hurts, a stiff neck or confusion, the fever unsaid.
  { category: 'meningitis_signs', all: ['purpura', 'meningism'] },
  { category: 'sepsis_signs', all: ['fever', 'sepsis_warning'] },
  { category: 'sepsis_signs', all: ['infection', 'sepsis_warning'] },
  { category: 'sepsis_signs', all: ['young_infant', 'infant_warning'] },
  { category: 'severe_head_injury', all: ['head_trauma', 'head_trauma_warning'] },
  { category: 'pregnancy_emergency', all: ['pregnant', 'pregnancy_warning'] },
  { category: 'severe_allergy', all: ['allergic_reaction', 'allergy_breathing'] },
  { category: 'poisoning_overdose', all: ['fume_source', 'household_unwell'] },
  // Round 10: a neck that will not bend with vomiting or light that hurts, told in separate clauses, before
  // any fever is measured (NICE NG240 meningism).
  { category: 'meningitis_signs', all: ['neck_stiffness', 'meningism'] },
  // Round 10: someone sitting in a car in a garage, and the engine running, said in separate clauses: a
  // method of suicide by exhaust fumes (Samaritans: a plan and the means at hand).
  { category: 'suicidal_thoughts', all: ['inside_car_garage', 'engine_running'] },
  // Round 10: a needle or a syringe beside someone who is blue, barely breathing or will not wake: an
  // opioid overdose until shown otherwise (NHS, naloxone guidance), told in separate clauses.
  { category: 'poisoning_overdose', all: ['drug_kit', 'drugged_state'] },
  // Round 10b: a dose taken twice by mistake, or something taken from a stranger, with a sign of toxicity
  // (slow, dizzy, drowsy, an odd pulse, overheating): an overdose until a poison centre says otherwise.
  { category: 'poisoning_overdose', all: ['dose_repeated', 'toxic_symptom'] },
  { category: 'poisoning_overdose', all: ['unknown_drug', 'toxic_symptom'] },
  // Round 10b: a barbecue, brazier, generator or stove in a tent, a caravan, a garage or a shut room, and
  // one person unwell is enough (NHS carbon monoxide poisoning).
  { category: 'poisoning_overdose', all: ['fume_source', 'enclosed_space', 'toxic_symptom'] },
  // Round 10b: a goodbye sent, things put in order or given away, then no answer; or a firearm at hand
  // (Samaritans: the warning signs of a plan and the means).
  { category: 'suicidal_thoughts', all: ['farewell_sign', 'unreachable'] },
  { category: 'suicidal_thoughts', all: ['farewell_sign', 'weapon_at_hand'] },
  // Round 10b: fire, a flare of petrol or an explosion, and skin blistered, blackened or charred, or the face
  // and its hair burnt (NHS: burns from fire with blisters or charring go to A&E).
  { category: 'severe_burn', all: ['burn_cause', 'burn_damage'] },
  // Round 10b: the whole body shaking or twitching, and in another clause no response, blue lips or eyes
  // rolled back: a seizure, the word unsaid (NHS: call 999 when someone will not wake or turns blue).
  { category: 'seizure', all: ['body_convulsing', 'seizure_companion'] },
  // Round 11: the face, lips, tongue or neck swelling and trouble swallowing, breathing or speaking, whatever
  // set it off (a cereal bar is no named allergen): angioedema with the airway at risk (Resuscitation Council UK).
  { category: 'severe_allergy', all: ['face_swelling', 'airway_trouble'] },
  // Round 11: crops sprayed, a pesticide or slug pellets, then drooling, tiny pupils, twitching or vomiting:
  // organophosphate or carbamate poisoning (the cholinergic signs, toxbase / centres antipoison).
  { category: 'poisoning_overdose', all: ['pesticide_exposure', 'toxic_symptom'] },
  // Round 11: speech that changed (only sounds, not as usual) and a leg dragged, in separate clauses: a
  // stroke told by a carer of someone whose speech is never typical (FAST: face, arm, speech).
  { category: 'stroke_signs', all: ['speech_change', 'dragging_limb'] },
  // Round 11: no way out, can't go on, or a farewell, with the means at hand (a loaded gun, a window open
  // high up, a cliff edge) or the act announced (« je vais le faire »): a plan and the means (Samaritans, 3114).
  { category: 'suicidal_thoughts', all: ['despair', 'weapon_at_hand'] },
  { category: 'suicidal_thoughts', all: ['despair', 'height_edge'] },
  { category: 'suicidal_thoughts', all: ['farewell_sign', 'height_edge'] },
  { category: 'suicidal_thoughts', all: ['act_announced', 'height_edge'] },
  { category: 'suicidal_thoughts', all: ['act_announced', 'weapon_at_hand'] },
  // Round 11: a blow to the belly (handlebars, a seatbelt, a punch), then a belly swelling or hardening, pain
  // getting worse or a faint: bleeding inside until shown otherwise (NICE NG39 major trauma).
  { category: 'severe_abdominal_pain', all: ['belly_blow', 'belly_alarm'] },
  // Round 11: bleach mixed with an acid or ammonia, then coughing, burning eyes or a collapse: chlorine or
  // chloramine gas (centres antipoison).
  { category: 'poisoning_overdose', all: ['cleaners_mixed', 'irritant_symptom'] },
  // Round 12: the signs a nurse reads, not the story. Tiny pupils with drooling, twitching or a drenching sweat,
  // or drooling, twitching and sweating together: the cholinergic toxidrome, whatever the cause (toxbase).
  { category: 'poisoning_overdose', all: ['pinpoint_pupils', 'drooling'] },
  { category: 'poisoning_overdose', all: ['pinpoint_pupils', 'muscle_twitching'] },
  { category: 'poisoning_overdose', all: ['pinpoint_pupils', 'heavy_sweating'] },
  { category: 'poisoning_overdose', all: ['drooling', 'muscle_twitching', 'heavy_sweating'] },
  // Round 12: a place to jump from (a platform, a roof, a ledge, a window high up) and the jump said (« le
  // prochain train je saute », "I'll let go"), or a farewell or an apology to everyone from such a place.
  { category: 'suicidal_thoughts', all: ['jump_place', 'jump_intent'] },
  { category: 'suicidal_thoughts', all: ['height_edge', 'jump_intent'] },
  { category: 'suicidal_thoughts', all: ['farewell_sign', 'jump_place'] },
  // Round 12: a tearing or ripping pain in the chest going into the back: aortic dissection (NICE CKS).
  { category: 'chest_pain', all: ['tearing_pain', 'chest_site', 'back_site'] },
  // Round 12: half the field of vision gone and a hand gone clumsy: a stroke (BE-FAST: eyes and arm).
  { category: 'stroke_signs', all: ['half_vision_lost', 'clumsy_hand'] },
  // Round 12: an adrenaline pen used and the airway or the face still swelling: anaphylaxis, whatever the
  // allergen (Resuscitation Council UK: a second dose and 999 when there is no improvement).
  { category: 'severe_allergy', all: ['adrenaline_used', 'airway_trouble'] },
  { category: 'severe_allergy', all: ['adrenaline_used', 'face_swelling'] },
  // Round 12: bleach or a caustic swallowed, then a burning throat, retching or drooling (centres antipoison).
  { category: 'poisoning_overdose', all: ['swallowed_something', 'caustic_product', 'caustic_burn'] },
  // Round 12: an electric shock from the mains with burns where it went in or out, confusion or a faint: an
  // electrical injury, deep whatever the skin shows (NHS: all electrical burns go to A&E).
  { category: 'severe_burn', all: ['electric_shock', 'shock_sign'] },
  // Round 13: despair, a burden said (« on serait mieux sans lui », "everyone would be better off"), or no
  // point seen, from a place to jump from or in front of (a train line, a platform, a multi-storey).
  { category: 'suicidal_thoughts', all: ['despair', 'jump_place'] },
  // Round 13: empty packets or blisters found, in any word order, and someone drowsy or breathing slowly.
  { category: 'poisoning_overdose', all: ['empty_packets', 'toxic_symptom'] },
  // Round 13: « heartburn » or a stomach pain going to the arm or the jaw, with a cold sweat or clamminess:
  // a heart attack told as indigestion (women, diabetics: NICE CG95, HAS).
  { category: 'chest_pain', all: ['mi_radiation', 'cold_sweat'] },
  // Round 13: food stuck in the throat with a whistle, barely any air, or saliva that will not go down.
  { category: 'breathing_difficulty', all: ['food_stuck', 'airway_trouble'] },
  // Round 13: a button battery in the mouth or swallowed (burns the oesophagus in 2 hours: NHS, CAP).
  { category: 'poisoning_overdose', all: ['button_battery', 'battery_swallowed'] },
  // Round 13: a swollen calf and breathlessness or a pain on breathing in: a pulmonary embolism (NICE NG158).
  { category: 'breathing_difficulty', all: ['calf_swollen', 'breath_pleuritic'] },
  // Round 13: home-made spirits and blurred vision: methanol (centres antipoison).
  { category: 'poisoning_overdose', all: ['home_spirits', 'blurred_vision'] },
  // Round 13: speech or texts that make no sense, and the change new (« jamais comme ça », "started 20 mins
  // ago"): a stroke told by a relative (FAST: speech, time).
  { category: 'stroke_signs', all: ['speech_change', 'sudden_change'] },
  // Round 13: mushrooms or berries picked in the wild, then vomiting, diarrhoea or a faint (amatoxins act late).
  { category: 'poisoning_overdose', all: ['wild_food', 'toxic_symptom'] },
  // Round 13: a fever, a neck that hurts and a mind or a stomach that goes (confused, vomiting): meningitis
  // told without the word stiff (NICE NG240).
  { category: 'meningitis_signs', all: ['fever', 'neck_ache', 'meningism'] },
  // Round 14: a pain said to be atrocious, unbearable or the worst ever, and the belly named in any clause:
  // sudden severe abdominal pain (NHS 999, Manchester Triage "severe pain"), whatever the words for either.
  { category: 'severe_abdominal_pain', all: ['severe_pain', 'belly_site'] },
  // Round 14: despair or a farewell with the end announced for oneself ("it's decided", « ce soir c fini
  // pour moi »): a plan and a time, whatever the means (Samaritans, 3114).
  { category: 'suicidal_thoughts', all: ['despair', 'act_announced'] },
  { category: 'suicidal_thoughts', all: ['farewell_sign', 'act_announced'] },
  // Round 14: a fever, light or vomiting, and a headache said to be atrocious: meningitis without a stiff
  // neck named (NHS: fever, severe headache, dislike of bright lights).
  { category: 'meningitis_signs', all: ['fever', 'meningism', 'severe_pain'] },
  // Round 14: a hand that will not do as told or half the sight gone, and the change new ("it just started"):
  // a stroke (BE-FAST: arm, eyes, time), as speech that makes no sense already was.
  { category: 'stroke_signs', all: ['clumsy_hand', 'sudden_change'] },
  { category: 'stroke_signs', all: ['half_vision_lost', 'sudden_change'] },
  // Round 14 (training phrasings): a leg that gives way or drags, and the change sudden.
  { category: 'stroke_signs', all: ['dragging_limb', 'sudden_change'] },
  // Round 14: speech gone wrong and a hand gone wrong, told in separate clauses: two FAST signs together.
  { category: 'stroke_signs', all: ['speech_change', 'clumsy_hand'] },
  { category: 'stroke_signs', all: ['speech_change', 'half_vision_lost'] },
  // Round 20 probe class: half the sight gone and a leg dragging: two BE-FAST signs told in separate sentences.
  { category: 'stroke_signs', all: ['half_vision_lost', 'dragging_limb'] },
  // Round 14 (training phrasings): hopelessness or a future without oneself, with affairs put in order (who
  // gets the cat) (Samaritans: the warning signs come together).
  { category: 'suicidal_thoughts', all: ['despair', 'farewell_sign'] },
  // Round 14: the chest named in a clause of its own, a sweat and a sudden start ("middle of his chest,
  // heavy, started during sex, he's sweating"): a heart attack told in fragments (NHS).
  { category: 'chest_pain', all: ['chest_site', 'cold_sweat', 'sudden_change'] },
  // Round 14: the chest (or heartburn) in one clause, the jaw or the left arm aching in another.
  { category: 'chest_pain', all: ['chest_site', 'mi_radiation'] },
  // Round 16 probe classes: a glass test named with a fever (the result unsaid or in another clause: a glass
  // test whose spots fade, no fever, is a well child's rash); a high-pitched, shrill cry with a fever (NICE NG143:
  // a high-pitched cry is a red feature in a febrile child).
  { category: 'meningitis_signs', all: ['fever', 'glass_test'] },
  { category: 'meningitis_signs', all: ['fever', 'high_pitched_cry'] },
  // Round 17–18 probe classes: a pressure or a weight between the shoulder blades or in the upper back, with a
  // cold sweat or breathlessness: a heart attack told without the chest (women, diabetics: NICE CG95, ESC 2023).
  { category: 'chest_pain', all: ['pressure_feeling', 'upper_back_site', 'cold_sweat'] },
  { category: 'chest_pain', all: ['pressure_feeling', 'upper_back_site', 'breath_pleuritic'] },
  { category: 'chest_pain', all: ['upper_back_site', 'cold_sweat', 'breath_pleuritic'] },
  // Round 19 probe class: a crushing weight or pressure with a sweat: a heart attack told without the chest
  // (« un poids qui l'écrase, il est trempé », "a weight crushin doon on him, drippin wi sweat").
  { category: 'chest_pain', all: ['crushing_weight', 'cold_sweat'] },
  // Round 23 probe class: a bottle of spirits drunk, or a night's count of shots, and someone who cannot be woken
  // or is blue or barely breathing: alcohol poisoning (NHS: call 999 if they cannot be woken).
  { category: 'poisoning_overdose', all: ['alcohol_binge', 'drugged_state'] },
  // Rounds 23–24 (a line of the set the classifier alone had caught): a urinary infection with a fever and pain in
  // the back: the infection has reached the kidney (pyelonephritis, NICE NG111), a source of sepsis.
  { category: 'sepsis_signs', all: ['urinary_infection', 'fever', 'back_site'] },
  // Round 18 probe class: a head about to explode, a thunderclap, and a sudden start (« d'un coup », "in a
  // second"): a thunderclap headache, a bleed in the brain until shown otherwise (NICE CG150).
  { category: 'stroke_signs', all: ['head_exploding', 'sudden_change'] },
  // Round 17 probe class: affairs put in order (a will made, one's things given away) and a goodbye said to
  // whoever reads: the warning signs together (Samaritans, 3114). Not any farewell sign: a patient who moves
  // away says goodbye and thanks too (round 18's ordinary messages).
  { category: 'suicidal_thoughts', all: ['affairs_settled', 'goodbye_said'] },
  // Round 20 probe class: affairs settled (a notary rung, a room emptied) with a weapon at hand, or with the act
  // announced for tonight: a plan and the means (Samaritans, 3114).
  { category: 'suicidal_thoughts', all: ['affairs_settled', 'weapon_at_hand'] },
  { category: 'suicidal_thoughts', all: ['affairs_settled', 'act_announced'] },
];
