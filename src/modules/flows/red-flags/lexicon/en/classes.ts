import type { LexiconInput } from '../../lexicon.schema.ts';

/** Named lists of alternatives the English patterns use as `@name` (`lexicon.schema.ts`). */
export const englishClasses: LexiconInput['classes'] = {
  pain:
    'pain pains painful paining pained discomfort agony ache* aching hurt* pressure tight tightness tightening squeez* crush* heavy heaviness ' +
    'press pressing pressed presses squash* stabb* sore soreness throb* pane panes',
  chest: 'chest chess sternum breastbone brestbone thorax thoracic',
  // "Can't" in Scots, Welsh and Caribbean English: "cannae breathe", "mi cyaan talk".
  cant: 'cannae canna canny cyaan kyaan caan cudnae couldnae',
  belly: 'stomach belly tummy abdomen abdominal abdo gut',
  intense:
    'severe severely excruciating unbearable agoniz* agonis* worst terrible horrible intense extreme awful strong',
  head: 'head skull',
  // Round 16 probe classes: a laugh typed after a joke (a laughing emoji reads as "lol", sms-contractions.ts).
  laugh: 'lol lols lmao lmfao rofl haha hahaha hehe jk',
  // Round 16 probe classes: what a report or a letter names when it rules something out.
  dx:
    'stroke strokes tia bleed bleeds bleeding haemorrhage hemorrhage clot clots embolism embolus pe dvt ' +
    'thrombosis infarct infarction heart cardiac attack meningitis sepsis septicaemia septicemia anaphylaxis ' +
    'anaphylactic ectopic appendicitis aneurysm dissection seizure seizures epilepsy fracture fractures overdose',
  meds:
    'pill pills tablet tablets meds medication* medicine* paracetamol acetaminophen tylenol ibuprofen advil ' +
    'aspirin sleeping antidepressant* opioid* oxycodone painkiller* insulin methadone morphine codeine ' +
    'tramadol fentanyl heroin diazepam valium xanax lithium sertraline citalopram fluoxetine amitriptyline ' +
    'propranolol gummies vitamins iron capsules calpol nurofen piriton benadryl syrup linctus calprofen ' +
    'codamol cocodamol zopiclone pregabalin gabapentin quetiapine mirtazapine digoxin metformin warfarin ' +
    'antihistamine* sleepers downers benzos ' +
    // Round 14: blood thinners and heart tablets by the names patients give them.
    'thinners apixaban rivaroxaban edoxaban clopidogrel statin statins amlodipine ramipril bisoprolol ' +
    'atenolol furosemide levothyroxine prednisolone steroids naproxen diclofenac ' +
    // Round 10: opioids, sleeping pills and stimulants by the names people give them.
    'oxy oxys oxycontin percocet vicodin hydrocodone norco dihydrocodeine ambien zolpidem lorazepam ativan ' +
    'clonazepam klonopin adderall ritalin methylphenidate olanzapine',
  toxic:
    'bleach detergent battery batteries button magnet* pod pods antifreeze poison chemical* cleaner ' +
    'pesticide* weedkiller mushroom* petrol gasoline dishwasher laundry washing berries plant* ' +
    'nicotine vape liquid cigarette* spirit methanol cleaning liquitab* ' +
    'disinfectant sanitiser sanitizer mouthwash perfume paraffin kerosene lighter killer unblocker ' +
    'fertiliser fertilizer turps turpentine descaler limescale dettol domestos toilet',
  someone:
    'he she son daughter kid kids child toddler baby boy girl husband wife dad mum mom father mother ' +
    'brother sister friend partner grandad grandpa grandma gran granny nan nana grandmother grandfather ' +
    'grandparents aunt uncle cousin flatmate roommate boyfriend girlfriend neighbour neighbor dog ' +
    // Round 14: more of the people a message is written about.
    'niece nephew grandson granddaughter grandchild housemate colleague hubby fiance fiancee ' +
    // the possessive typed without its apostrophe: "his dads tablets"
    'dads mums moms husbands wifes grandmas grannys nans grandads grandpas partners friends',
  little: 'toddler toddlers baby babies kid kids child children little old dog puppy',
  allergen:
    'nuts nut peanut* prawns prawn shellfish shrimp fish sesame egg eggs milk kiwi antibiotic* ' +
    'amoxicillin penicillin medicine medication new latex ' +
    'injection jab vaccine vaccination shot dye cream lotion food meal takeaway sauce curry crab lobster mussels ' +
    'sushi chinese indian thai restaurant cake biscuit* cookie* chocolate snack sandwich almond* cashew* ' +
    'walnut* hazelnut* pistachio* pecan* soy soya wheat gluten lupin mustard celery strawberr* formula ' +
    // Round 16: foods made of an allergen, by their dish's name ("had some hummus": sesame).
    'hummus houmous humous tahini halva halwa chickpea* lentil* pesto satay marzipan praline nutella baklava ' +
    'macadamia* brazil* seeds',
  face: 'face eyes eye eyelids lips lip tongue throat mouth cheeks',
  // Swelling as people say it: "blew up", "ballooned", "twice the size".
  swell:
    'swell swells swelling swelled swollen puff* blew blown blowing balloon* huge massive doubled thick fat',
  // Where an infection is named, for the sepsis signs that go with it (UK Sepsis Trust).
  infection:
    'infection* infected wound wounds cellulitis uti kidney abscess pus operation surgery op stitches catheter',
  sepsis_sign:
    'shiver* shivery shaking rigors confused confusion delirious mottled clammy drowsy lethargic floppy dying',
  // Taking something in, in the tenses and spellings patients use ("my boy drink the bleach").
  intake:
    'swallow* took taken take taking ate eaten eat eats drank drunk drink drinks drinking ingest* consumed had popped downed necked',
  // Household substances poisonous in any amount, for verbs too everyday for the wider @toxic list.
  corrosive:
    'bleach detergent antifreeze dishwasher laundry washing pod pods battery batteries chemical* cleaner pesticide* ' +
    'weedkiller petrol gasoline methanol disinfectant sanitiser sanitizer paraffin kerosene unblocker turps ' +
    'turpentine descaler dettol domestos',
};
