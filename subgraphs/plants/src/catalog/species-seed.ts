/**
 * Seed data for the species catalog: common houseplants with care data for indoor conditions.
 *
 * Conventions:
 * - `scientificName` is the currently accepted name (POWO); widely used older names are listed in
 *   `commonNames` so search by e.g. "Sansevieria" still finds the plant.
 * - `baseWateringIntervalDays` is a typical interval indoors in spring, in a medium plastic pot
 *   of the usual substrate, medium light, 16–24 °C. The schedule applies season/pot/light factors.
 * - `toxicToPets` follows the ASPCA toxic/non-toxic plant lists (cats and dogs); where a plant is
 *   not listed, it follows the known toxic principle of the genus (e.g. calcium oxalate in aroids).
 * - `toxicToHumans`: ingestion or sap causes symptoms (even mild); not a medical reference.
 * - `airPurifying`: the species or its tested genus appears in the NASA/ALCA Clean Air Study
 *   (Wolverton et al. 1984/1989) or Wolverton's follow-up list. Real-room effects are small.
 * - `flowering`: flowers reliably indoors with ordinary care.
 */
import type { LightExposure } from '../schedule/types.js';

export const DIFFICULTIES = ['EASY', 'MODERATE', 'HARD'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** Same values as the schedule's `LightExposure`, so a plant's spot can be compared with its need. */
export type LightNeed = LightExposure;

export const HUMIDITY_NEEDS = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type HumidityNeed = (typeof HUMIDITY_NEEDS)[number];

export const GROWTH_RATES = ['SLOW', 'MODERATE', 'FAST'] as const;
export type GrowthRate = (typeof GROWTH_RATES)[number];

export interface SpeciesSeed {
  readonly scientificName: string;
  readonly commonNames: readonly string[];
  readonly family: string;
  readonly origin: string;
  readonly difficulty: Difficulty;
  readonly baseWateringIntervalDays: number;
  readonly lightNeed: LightNeed;
  readonly humidityNeed: HumidityNeed;
  readonly minTemperatureC: number;
  readonly maxTemperatureC: number;
  readonly soil: string;
  readonly adultSize: string;
  readonly growthRate: GrowthRate;
  readonly toxicToPets: boolean;
  readonly toxicToHumans: boolean;
  readonly airPurifying: boolean;
  readonly flowering: boolean;
  readonly careNotes: string;
}

const AROID_MIX = 'Chunky, well-draining aroid mix (potting soil with bark and perlite)';
const STANDARD_MIX = 'Standard well-draining potting mix';
const CACTUS_MIX = 'Gritty, fast-draining cactus and succulent mix';
const MOIST_MIX = 'Moisture-retentive but airy mix (peat or coir with perlite)';
const EPIPHYTE_MIX = 'Chunky, free-draining epiphytic mix (bark, perlite, coir)';

export const SPECIES_SEED: readonly SpeciesSeed[] = [
  {
    scientificName: 'Monstera deliciosa',
    commonNames: ['Swiss cheese plant', 'Monstera', 'Split-leaf philodendron'],
    family: 'Araceae', origin: 'Southern Mexico to Panama',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 12, maxTemperatureC: 30, soil: AROID_MIX, adultSize: '2–3 m tall indoors with a moss pole',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Water when the top 5 cm of soil are dry. Give it a moss pole or stake so leaves mature and develop their splits, and wipe the large leaves to keep them dust-free.',
  },
  {
    scientificName: 'Epipremnum aureum',
    commonNames: ['Golden pothos', "Devil's ivy", 'Pothos', 'Scindapsus aureus'],
    family: 'Araceae', origin: "Mo'orea, Society Islands (French Polynesia)",
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 12, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: 'Trailing or climbing vines 2–3 m long indoors',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Let the top third of the soil dry between waterings; drooping leaves signal thirst. Tolerates low light but loses variegation there, and pinching the stems keeps it bushy.',
  },
  {
    scientificName: 'Dracaena trifasciata',
    commonNames: ['Snake plant', "Mother-in-law's tongue", 'Sansevieria trifasciata', "Saint George's sword"],
    family: 'Asparagaceae', origin: 'Tropical West Africa (Nigeria to the Congo)',
    difficulty: 'EASY', baseWateringIntervalDays: 14, lightNeed: 'MEDIUM', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 32, soil: CACTUS_MIX, adultSize: '60–120 cm tall',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Water only when the soil is completely dry, and every 4–6 weeks in winter: rot from over-watering is the usual killer. Tolerates low light and dry air.',
  },
  {
    scientificName: 'Zamioculcas zamiifolia',
    commonNames: ['ZZ plant', 'Zanzibar gem', 'Zuzu plant'],
    family: 'Araceae', origin: 'Eastern Africa (Kenya to north-eastern South Africa)',
    difficulty: 'EASY', baseWateringIntervalDays: 18, lightNeed: 'MEDIUM', humidityNeed: 'LOW',
    minTemperatureC: 12, maxTemperatureC: 30, soil: 'Free-draining potting mix with added grit or perlite', adultSize: '60–90 cm tall',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Stores water in its thick rhizomes, so let the soil dry out completely before watering. Tolerates low light and neglect; yellowing stems usually mean too much water.',
  },
  {
    scientificName: 'Chlorophytum comosum',
    commonNames: ['Spider plant', 'Airplane plant', 'Ribbon plant'],
    family: 'Asparagaceae', origin: 'Tropical and southern Africa',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '30–60 cm wide, with trailing runners',
    growthRate: 'FAST', toxicToPets: false, toxicToHumans: false, airPurifying: true, flowering: true,
    careNotes: 'Keep evenly moist in summer and drier in winter. Brown tips often come from fluoride in tap water or dry air; the plantlets on the runners root easily in water.',
  },
  {
    scientificName: 'Spathiphyllum wallisii',
    commonNames: ['Peace lily', 'White sails', 'Spath'],
    family: 'Araceae', origin: 'Colombia and Venezuela',
    difficulty: 'EASY', baseWateringIntervalDays: 6, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: MOIST_MIX, adultSize: '30–60 cm tall',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: true,
    careNotes: 'Keep the soil lightly moist; the plant droops dramatically when thirsty and recovers within hours of watering. Flowers best in bright indirect light, and filtered water helps if leaf tips brown.',
  },
  {
    scientificName: 'Ficus lyrata',
    commonNames: ['Fiddle-leaf fig'],
    family: 'Moraceae', origin: 'Western and central tropical Africa',
    difficulty: 'MODERATE', baseWateringIntervalDays: 9, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 30, soil: 'Well-draining potting mix with bark or perlite', adultSize: '1.5–3 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Water thoroughly when the top 5 cm are dry and never leave it standing in water. It reacts to moves and cold draughts by dropping leaves, so pick a bright spot and rotate it rather than relocating it.',
  },
  {
    scientificName: 'Ficus elastica',
    commonNames: ['Rubber plant', 'Rubber fig', 'Indian rubber tree'],
    family: 'Moraceae', origin: 'North-east India and the eastern Himalayas to Malaysia and Indonesia',
    difficulty: 'EASY', baseWateringIntervalDays: 9, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1–3 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Let the top few centimetres dry between waterings and water less in winter. Wipe the leaves to keep them glossy; the milky sap irritates skin, so wear gloves when pruning.',
  },
  {
    scientificName: 'Ficus benjamina',
    commonNames: ['Weeping fig', 'Benjamin fig', 'Ficus tree'],
    family: 'Moraceae', origin: 'South and Southeast Asia to northern Australia',
    difficulty: 'MODERATE', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1–3 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Keep the soil lightly moist, letting the top layer dry. Notorious for dropping leaves after being moved or exposed to draughts: find it a bright spot and leave it there.',
  },
  {
    scientificName: 'Philodendron hederaceum',
    commonNames: ['Heartleaf philodendron', 'Sweetheart plant', 'Philodendron scandens'],
    family: 'Araceae', origin: 'Central America, the Caribbean and tropical South America',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: 'Trailing or climbing vines 1–3 m long',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Water when the top half of the soil is dry; it tolerates lower light than most aroids. Trim leggy vines and root the cuttings in water to fill out the pot.',
  },
  {
    scientificName: 'Thaumatophyllum bipinnatifidum',
    commonNames: ['Tree philodendron', 'Lacy tree philodendron', 'Philodendron bipinnatifidum', 'Philodendron selloum'],
    family: 'Araceae', origin: 'South-eastern South America (Brazil, Paraguay, Argentina, Bolivia)',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 32, soil: 'Rich, well-draining potting mix', adultSize: '1–1.5 m tall and wide indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Water when the top few centimetres are dry and give it room, as it spreads wide rather than tall. Aerial roots can be tucked back into the pot or trimmed.',
  },
  {
    scientificName: 'Goeppertia orbifolia',
    commonNames: ['Calathea orbifolia', 'Round-leaf calathea'],
    family: 'Marantaceae', origin: 'Bolivia',
    difficulty: 'HARD', baseWateringIntervalDays: 5, lightNeed: 'MEDIUM', humidityNeed: 'HIGH',
    minTemperatureC: 16, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '60–90 cm tall and wide',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Keep the soil evenly moist but never soggy, and give it high humidity; crispy edges mean dry air or hard water. Use filtered or rain water and keep it out of direct sun.',
  },
  {
    scientificName: 'Goeppertia makoyana',
    commonNames: ['Peacock plant', 'Cathedral windows', 'Calathea makoyana'],
    family: 'Marantaceae', origin: 'Eastern Brazil',
    difficulty: 'MODERATE', baseWateringIntervalDays: 5, lightNeed: 'MEDIUM', humidityNeed: 'HIGH',
    minTemperatureC: 16, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '30–60 cm tall',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Keep evenly moist with soft, filtered water and high humidity. Leaves curl when it is thirsty or the air is too dry, and direct sun bleaches the pattern.',
  },
  {
    scientificName: 'Maranta leuconeura',
    commonNames: ['Prayer plant', 'Red prayer plant', 'Herringbone plant'],
    family: 'Marantaceae', origin: 'Brazil (Atlantic Forest)',
    difficulty: 'MODERATE', baseWateringIntervalDays: 6, lightNeed: 'MEDIUM', humidityNeed: 'HIGH',
    minTemperatureC: 15, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '20–30 cm tall, spreading to 40 cm',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Keep the soil lightly moist and the air humid; the leaves fold up at night. Use filtered water and avoid direct sun, which fades the markings.',
  },
  {
    scientificName: 'Aloe vera',
    commonNames: ['Aloe', 'Medicinal aloe', 'Burn plant', 'Aloe barbadensis'],
    family: 'Asphodelaceae', origin: 'Arabian Peninsula; naturalised in arid regions worldwide',
    difficulty: 'EASY', baseWateringIntervalDays: 18, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 32, soil: CACTUS_MIX, adultSize: '30–60 cm tall',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Water deeply, then let the soil dry out completely; in winter water only every 4–6 weeks. It needs a sunny window, and stretched, pale growth means too little light.',
  },
  {
    scientificName: 'Crassula ovata',
    commonNames: ['Jade plant', 'Money plant', 'Lucky plant'],
    family: 'Crassulaceae', origin: 'South Africa (Eastern Cape, KwaZulu-Natal) and Mozambique',
    difficulty: 'EASY', baseWateringIntervalDays: 14, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 30, soil: CACTUS_MIX, adultSize: '60–120 cm tall as a shrub indoors',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Let the soil dry out completely between waterings; wrinkled leaves mean thirst, soft yellow ones too much water. Give it several hours of sun, and a cool, dry winter may trigger small white flowers.',
  },
  {
    scientificName: 'Haworthiopsis attenuata',
    commonNames: ['Zebra plant', 'Zebra haworthia', 'Haworthia attenuata'],
    family: 'Asphodelaceae', origin: 'Eastern Cape, South Africa',
    difficulty: 'EASY', baseWateringIntervalDays: 14, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 30, soil: CACTUS_MIX, adultSize: '10–15 cm tall, forming clumps',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water when the soil is completely dry and much less in winter. Unlike most succulents it prefers bright indirect light to hot direct sun, which turns it red-brown.',
  },
  {
    scientificName: 'Echeveria elegans',
    commonNames: ['Mexican snowball', 'Mexican gem', 'White Mexican rose'],
    family: 'Crassulaceae', origin: 'Central Mexico (Hidalgo)',
    difficulty: 'EASY', baseWateringIntervalDays: 14, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 7, maxTemperatureC: 30, soil: CACTUS_MIX, adultSize: 'Rosettes 5–10 cm tall, clumping to 30 cm wide',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water deeply only when the soil is bone dry, and never into the rosette. It needs the sunniest window available; stretching toward the light is a sign to move it.',
  },
  {
    scientificName: 'Schlumbergera truncata',
    commonNames: ['Thanksgiving cactus', 'Christmas cactus', 'Holiday cactus', 'Crab cactus'],
    family: 'Cactaceae', origin: 'Coastal mountains of south-eastern Brazil',
    difficulty: 'EASY', baseWateringIntervalDays: 8, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 27, soil: EPIPHYTE_MIX, adultSize: '30 cm tall, arching to 60 cm wide',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: true,
    careNotes: 'A forest cactus: water when the top half of the soil is dry, a little more while it flowers. Cool nights (10–15 °C) and long dark nights in autumn set the buds, and moving it once buds form makes them drop.',
  },
  {
    scientificName: 'Nephrolepis exaltata',
    commonNames: ['Boston fern', 'Sword fern'],
    family: 'Nephrolepidaceae', origin: 'Tropical Americas (Florida, the Caribbean, Central and South America)',
    difficulty: 'MODERATE', baseWateringIntervalDays: 4, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'HIGH',
    minTemperatureC: 13, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '40–90 cm tall and wide',
    growthRate: 'FAST', toxicToPets: false, toxicToHumans: false, airPurifying: true, flowering: false,
    careNotes: 'Keep the soil consistently moist, never letting it dry out, and provide high humidity, for example in a bright bathroom. Shedding brown fronds mean dry air or dry soil.',
  },
  {
    scientificName: 'Adiantum raddianum',
    commonNames: ['Delta maidenhair fern', 'Maidenhair fern'],
    family: 'Pteridaceae', origin: 'Tropical Americas',
    difficulty: 'HARD', baseWateringIntervalDays: 3, lightNeed: 'MEDIUM', humidityNeed: 'HIGH',
    minTemperatureC: 15, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '30–60 cm tall',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Never let the soil dry out, even once: fronds crisp within a day. It needs high humidity and no draughts, so a terrarium or bright bathroom suits it best.',
  },
  {
    scientificName: 'Aspidistra elatior',
    commonNames: ['Cast-iron plant', 'Bar-room plant'],
    family: 'Asparagaceae', origin: 'Southern Japan (Ōsumi Islands)',
    difficulty: 'EASY', baseWateringIntervalDays: 10, lightNeed: 'LOW', humidityNeed: 'LOW',
    minTemperatureC: 5, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '60–90 cm tall',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Thrives on neglect: water when the top half of the soil is dry and keep it out of direct sun, which scorches the leaves. Tolerates deep shade and cool rooms.',
  },
  {
    scientificName: 'Aglaonema commutatum',
    commonNames: ['Chinese evergreen', 'Aglaonema'],
    family: 'Araceae', origin: 'Philippines and Sulawesi',
    difficulty: 'EASY', baseWateringIntervalDays: 8, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '30–90 cm tall',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Let the top few centimetres dry between waterings. Tolerates low light, though variegated forms keep their colour better in medium light; keep it away from cold draughts below 15 °C.',
  },
  {
    scientificName: 'Dieffenbachia seguine',
    commonNames: ['Dumb cane', 'Dieffenbachia', 'Leopard lily'],
    family: 'Araceae', origin: 'Tropical Americas (southern Mexico to northern South America and the Caribbean)',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 16, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1–1.5 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Water when the top 2–3 cm are dry; it drops lower leaves when cold or left too dry. The sap causes painful swelling of the mouth and throat if chewed, so wear gloves and keep it away from children and pets.',
  },
  {
    scientificName: 'Dracaena marginata',
    commonNames: ['Madagascar dragon tree', 'Dragon tree', 'Red-edged dracaena', 'Dracaena reflexa var. angustifolia'],
    family: 'Asparagaceae', origin: 'Madagascar',
    difficulty: 'EASY', baseWateringIntervalDays: 10, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1.5–2 m tall indoors',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: false, airPurifying: true, flowering: false,
    careNotes: 'Let the top half of the soil dry out between waterings, as soggy soil rots the roots. Brown leaf tips are usually caused by fluoride in tap water, so use filtered or rain water.',
  },
  {
    scientificName: 'Dracaena fragrans',
    commonNames: ['Corn plant', 'Mass cane', 'Happy plant', 'Dracaena deremensis'],
    family: 'Asparagaceae', origin: 'Tropical Africa',
    difficulty: 'EASY', baseWateringIntervalDays: 10, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1–2 m tall indoors',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: false, airPurifying: true, flowering: false,
    careNotes: 'Water when the top 3–5 cm are dry and less in winter. Tolerates medium to low light; like other dracaenas it dislikes fluoride, which browns the leaf tips.',
  },
  {
    scientificName: 'Chamaedorea elegans',
    commonNames: ['Parlour palm', 'Parlor palm', 'Neanthe bella palm'],
    family: 'Arecaceae', origin: 'Southern Mexico and Guatemala',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 12, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '60–120 cm tall indoors',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: true, flowering: false,
    careNotes: 'Water when the top 2–3 cm are dry; it tolerates lower light than most palms. Raise humidity to keep spider mites away, and trim only fully brown fronds.',
  },
  {
    scientificName: 'Chrysalidocarpus lutescens',
    commonNames: ['Areca palm', 'Butterfly palm', 'Golden cane palm', 'Dypsis lutescens'],
    family: 'Arecaceae', origin: 'Eastern Madagascar',
    difficulty: 'MODERATE', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 16, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1.5–2.5 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: true, flowering: false,
    careNotes: 'Keep the soil lightly moist but not soggy, in bright indirect light. It is sensitive to salts and fluoride, so flush the pot occasionally and use filtered water.',
  },
  {
    scientificName: 'Howea forsteriana',
    commonNames: ['Kentia palm', 'Thatch palm', 'Paradise palm'],
    family: 'Arecaceae', origin: 'Lord Howe Island (Australia)',
    difficulty: 'EASY', baseWateringIntervalDays: 9, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '2–3 m tall indoors',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water when the top few centimetres are dry; it is one of the most tolerant palms for lower light and cool rooms. Growth is slow, so repot only every few years.',
  },
  {
    scientificName: 'Beaucarnea recurvata',
    commonNames: ['Ponytail palm', 'Elephant foot tree', 'Bottle palm'],
    family: 'Asparagaceae', origin: 'Eastern Mexico',
    difficulty: 'EASY', baseWateringIntervalDays: 21, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 32, soil: CACTUS_MIX, adultSize: '1–2 m tall indoors after many years',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Stores water in its swollen trunk base: water deeply only when the soil is fully dry, and rarely in winter. Give it a sunny spot; it copes well with dry indoor air.',
  },
  {
    scientificName: 'Peperomia obtusifolia',
    commonNames: ['Baby rubber plant', 'Pepper face', 'American rubber plant'],
    family: 'Piperaceae', origin: 'Florida, Mexico, the Caribbean and northern South America',
    difficulty: 'EASY', baseWateringIntervalDays: 10, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 27, soil: 'Airy, well-draining potting mix with perlite', adultSize: '20–30 cm tall and wide',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Its semi-succulent leaves store water, so let the top half of the soil dry before watering. Over-watering causes mushy stems, and a small pot suits its shallow roots.',
  },
  {
    scientificName: 'Peperomia argyreia',
    commonNames: ['Watermelon peperomia'],
    family: 'Piperaceae', origin: 'Tropical South America',
    difficulty: 'MODERATE', baseWateringIntervalDays: 8, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 27, soil: 'Airy, well-draining potting mix with perlite', adultSize: '15–25 cm tall and wide',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water when the top half of the soil is dry; the leaves feel limp when it is thirsty. Bright indirect light keeps the silver stripes crisp, and cold, wet soil rots the stems.',
  },
  {
    scientificName: 'Pilea peperomioides',
    commonNames: ['Chinese money plant', 'Pancake plant', 'UFO plant', 'Missionary plant'],
    family: 'Urticaceae', origin: 'Yunnan and Sichuan, southern China',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: 'Well-draining potting mix with perlite', adultSize: '20–30 cm tall and wide',
    growthRate: 'FAST', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water when the top half of the soil is dry, and rotate the pot weekly so it grows upright. Offsets from the base can be separated and potted up to share.',
  },
  {
    scientificName: 'Hoya carnosa',
    commonNames: ['Wax plant', 'Porcelain flower', 'Hoya'],
    family: 'Apocynaceae', origin: 'Southern China and Japan to eastern Australia',
    difficulty: 'EASY', baseWateringIntervalDays: 10, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: EPIPHYTE_MIX, adultSize: 'Trailing or climbing vines 1–3 m long',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: true,
    careNotes: 'Let the soil dry almost completely between waterings; the thick leaves store water. Do not cut off old flower spurs, as new blooms form on them, and give a mature plant bright light to flower.',
  },
  {
    scientificName: 'Tradescantia zebrina',
    commonNames: ['Inch plant', 'Silver inch plant', 'Wandering dude', 'Zebrina pendula'],
    family: 'Commelinaceae', origin: 'Mexico to Colombia',
    difficulty: 'EASY', baseWateringIntervalDays: 6, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: 'Trailing stems 30–60 cm long',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Keep the soil lightly moist and give bright indirect light to keep the purple and silver colour. Pinch back and re-root cuttings regularly, as old stems get leggy; the sap can irritate pets’ skin.',
  },
  {
    scientificName: 'Streptocarpus ionanthus',
    commonNames: ['African violet', 'Saintpaulia ionantha', 'Saintpaulia'],
    family: 'Gesneriaceae', origin: 'Coastal Tanzania and south-eastern Kenya',
    difficulty: 'MODERATE', baseWateringIntervalDays: 5, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 16, maxTemperatureC: 27, soil: 'Light, airy African violet mix (peat or coir with perlite)', adultSize: 'Rosettes 10–20 cm tall, 20–40 cm wide',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: true,
    careNotes: 'Keep the soil evenly moist with room-temperature water, ideally from below, since cold water spots the leaves. It blooms almost year-round in bright indirect light.',
  },
  {
    scientificName: 'Phalaenopsis amabilis',
    commonNames: ['Moth orchid', 'Phalaenopsis', 'Phal'],
    family: 'Orchidaceae', origin: 'Southeast Asia to New Guinea and northern Australia',
    difficulty: 'MODERATE', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 16, maxTemperatureC: 30, soil: 'Orchid bark or sphagnum moss in a pot with plenty of drainage', adultSize: '30–60 cm tall in flower',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: true, flowering: true,
    careNotes: 'Water thoroughly when the roots turn silvery and the bark is almost dry, then let it drain and never leave it standing in water. A night-time drop of about 5 °C in autumn helps trigger a new flower spike.',
  },
  {
    scientificName: 'Anthurium andraeanum',
    commonNames: ['Flamingo flower', 'Flamingo lily', "Painter's palette", 'Laceleaf'],
    family: 'Araceae', origin: 'Colombia and Ecuador',
    difficulty: 'MODERATE', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'HIGH',
    minTemperatureC: 16, maxTemperatureC: 30, soil: EPIPHYTE_MIX, adultSize: '30–60 cm tall',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: true,
    careNotes: 'Water when the top few centimetres are dry and keep humidity high. Bright indirect light keeps it flowering, with long-lasting spathes through most of the year.',
  },
  {
    scientificName: 'Strelitzia reginae',
    commonNames: ['Bird of paradise', 'Crane flower'],
    family: 'Strelitziaceae', origin: 'South Africa (Eastern Cape, KwaZulu-Natal)',
    difficulty: 'MODERATE', baseWateringIntervalDays: 7, lightNeed: 'DIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: 'Rich, well-draining potting mix', adultSize: '1–1.5 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Water when the top 5 cm are dry, and less in winter. It needs several hours of sun to flower, which only mature plants (4–5 years) in large pots do; split leaves are natural.',
  },
  {
    scientificName: 'Alocasia × amazonica',
    commonNames: ['African mask plant', 'Amazonian elephant ear', 'Alocasia Polly'],
    family: 'Araceae', origin: 'Horticultural hybrid (A. longiloba × A. sanderiana) of Southeast Asian parents',
    difficulty: 'HARD', baseWateringIntervalDays: 6, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'HIGH',
    minTemperatureC: 18, maxTemperatureC: 30, soil: AROID_MIX, adultSize: '40–60 cm tall',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Keep lightly moist but never soggy, with high humidity and warmth, and check often for spider mites. In winter or cold it may drop leaves and go dormant: water sparingly until new growth returns in spring.',
  },
  {
    scientificName: 'Begonia maculata',
    commonNames: ['Polka dot begonia', 'Spotted begonia', 'Angel wing begonia'],
    family: 'Begoniaceae', origin: 'South-eastern Brazil (Atlantic Forest)',
    difficulty: 'MODERATE', baseWateringIntervalDays: 6, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 28, soil: 'Light, well-draining potting mix with perlite', adultSize: '60–120 cm tall',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: true,
    careNotes: 'Water when the top 2–3 cm are dry; it sulks in soggy soil. Raise humidity with a pebble tray rather than misting, since wet leaves invite powdery mildew.',
  },
  {
    scientificName: 'Curio rowleyanus',
    commonNames: ['String of pearls', 'String of beads', 'Senecio rowleyanus'],
    family: 'Asteraceae', origin: 'South Africa (dry regions of the Eastern Cape)',
    difficulty: 'MODERATE', baseWateringIntervalDays: 12, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 30, soil: CACTUS_MIX, adultSize: 'Trailing strands 60–90 cm long',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Water when the soil is dry and the pearls look slightly wrinkled; shrivelled pearls mean thirst, mushy ones too much water. Keep the crown at the top of the pot in bright light, in a shallow pot.',
  },
  {
    scientificName: 'Fittonia albivenis',
    commonNames: ['Nerve plant', 'Mosaic plant'],
    family: 'Acanthaceae', origin: 'Peru and neighbouring tropical South America',
    difficulty: 'MODERATE', baseWateringIntervalDays: 4, lightNeed: 'MEDIUM', humidityNeed: 'HIGH',
    minTemperatureC: 16, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '10–15 cm tall, spreading to 30 cm',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Keep the soil evenly moist: it collapses dramatically when dry but recovers quickly after watering. It loves humidity, suits terrariums and should stay out of direct sun.',
  },
  {
    scientificName: 'Syngonium podophyllum',
    commonNames: ['Arrowhead plant', 'Arrowhead vine', 'Goosefoot plant', 'Nephthytis'],
    family: 'Araceae', origin: 'Tropical Americas (Mexico to Bolivia)',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: 'Bushy when young; climbing vines 1–2 m long with age',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Keep the soil lightly moist, letting the top layer dry. Young leaves are arrow-shaped and become lobed as the plant climbs; prune to keep it compact.',
  },
  {
    scientificName: 'Ctenanthe burle-marxii',
    commonNames: ['Fishbone prayer plant', 'Ctenanthe'],
    family: 'Marantaceae', origin: 'Eastern Brazil',
    difficulty: 'MODERATE', baseWateringIntervalDays: 5, lightNeed: 'MEDIUM', humidityNeed: 'HIGH',
    minTemperatureC: 16, maxTemperatureC: 27, soil: MOIST_MIX, adultSize: '30–45 cm tall',
    growthRate: 'MODERATE', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Keep the soil lightly moist with filtered water and raise the humidity. A little tougher than most calatheas, it still curls its leaves when the air or soil is too dry.',
  },
  {
    scientificName: 'Heptapleurum arboricola',
    commonNames: ['Dwarf umbrella tree', 'Umbrella plant', 'Schefflera arboricola', 'Schefflera'],
    family: 'Araliaceae', origin: 'Taiwan and Hainan (southern China)',
    difficulty: 'EASY', baseWateringIntervalDays: 9, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1–2 m tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Water when the top half of the soil is dry; over-watering causes leaf drop. Prune stems to keep it bushy, as it grows leggy in shade.',
  },
  {
    scientificName: 'Hedera helix',
    commonNames: ['English ivy', 'Common ivy', 'Ivy'],
    family: 'Araliaceae', origin: 'Europe, western Asia and North Africa',
    difficulty: 'MODERATE', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 5, maxTemperatureC: 24, soil: STANDARD_MIX, adultSize: 'Trailing or climbing stems 1–3 m long',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: true, flowering: false,
    careNotes: 'Keep the soil lightly moist and the room cool, since warm, dry rooms invite spider mites. Rinse the foliage occasionally and give it bright indirect light.',
  },
  {
    scientificName: 'Yucca gigantea',
    commonNames: ['Spineless yucca', 'Giant yucca', 'Yucca elephantipes', 'Yucca cane'],
    family: 'Asparagaceae', origin: 'Southern Mexico and Central America',
    difficulty: 'EASY', baseWateringIntervalDays: 14, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 32, soil: 'Free-draining, gritty potting mix', adultSize: '1–2.5 m tall indoors',
    growthRate: 'SLOW', toxicToPets: true, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Let the soil dry out well between waterings and water sparingly in winter. Give it the sunniest spot possible; in low light it becomes leggy and drops lower leaves.',
  },
  {
    scientificName: 'Codiaeum variegatum',
    commonNames: ['Croton', 'Garden croton', "Joseph's coat"],
    family: 'Euphorbiaceae', origin: 'Indonesia and Malaysia to northern Australia and the western Pacific',
    difficulty: 'HARD', baseWateringIntervalDays: 6, lightNeed: 'DIRECT', humidityNeed: 'HIGH',
    minTemperatureC: 16, maxTemperatureC: 30, soil: 'Rich, well-draining potting mix', adultSize: '60–120 cm tall indoors',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Keep the soil lightly moist and give plenty of light, including some direct sun, for vivid colours. It drops leaves when moved, chilled or left to dry out, and the milky sap irritates skin.',
  },
  {
    scientificName: 'Opuntia microdasys',
    commonNames: ['Bunny ears cactus', "Angel's wings", 'Polka-dot cactus'],
    family: 'Cactaceae', origin: 'Northern and central Mexico (Chihuahuan Desert)',
    difficulty: 'EASY', baseWateringIntervalDays: 21, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 7, maxTemperatureC: 35, soil: CACTUS_MIX, adultSize: '40–60 cm tall and wide',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water deeply only when the soil is completely dry, and barely at all in winter. Not poisonous, but its glochids (tiny barbed bristles) detach at a touch and lodge in skin and pets’ mouths, so handle it with tongs or thick gloves.',
  },
  {
    scientificName: 'Asparagus setaceus',
    commonNames: ['Asparagus fern', 'Lace fern', 'Climbing asparagus', 'Asparagus plumosus'],
    family: 'Asparagaceae', origin: 'Eastern and southern Africa',
    difficulty: 'MODERATE', baseWateringIntervalDays: 6, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 13, maxTemperatureC: 27, soil: STANDARD_MIX, adultSize: 'Bushy, climbing to 1–3 m with age',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Not a true fern: keep the soil lightly moist and the humidity moderate, as yellowing, shedding needles mean dry soil or air. Its stems carry small hooked spines and its berries are poisonous.',
  },
  {
    scientificName: 'Monstera adansonii',
    commonNames: ['Swiss cheese vine', "Adanson's monstera", 'Monkey mask monstera'],
    family: 'Araceae', origin: 'Central and South America',
    difficulty: 'EASY', baseWateringIntervalDays: 7, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 30, soil: AROID_MIX, adultSize: 'Climbing or trailing vines 1–3 m long',
    growthRate: 'FAST', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Water when the top few centimetres are dry; its thin leaves crisp faster than Monstera deliciosa in dry air. Let it climb a moss pole for larger, more perforated leaves.',
  },
  {
    scientificName: 'Scindapsus pictus',
    commonNames: ['Satin pothos', 'Silver pothos', 'Silver vine'],
    family: 'Araceae', origin: 'Bangladesh and Thailand to the Philippines and Sulawesi',
    difficulty: 'EASY', baseWateringIntervalDays: 9, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 15, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: 'Trailing or climbing vines 1–3 m long',
    growthRate: 'MODERATE', toxicToPets: true, toxicToHumans: true, airPurifying: false, flowering: false,
    careNotes: 'Let the soil dry a little more than for pothos; the leaves curl when thirsty and flatten again after watering. Medium to bright indirect light keeps the silver markings.',
  },
  {
    scientificName: 'Ceropegia woodii',
    commonNames: ['String of hearts', 'Rosary vine', 'Chain of hearts'],
    family: 'Apocynaceae', origin: 'Southern Africa (South Africa, Eswatini, Zimbabwe)',
    difficulty: 'EASY', baseWateringIntervalDays: 12, lightNeed: 'BRIGHT_INDIRECT', humidityNeed: 'LOW',
    minTemperatureC: 10, maxTemperatureC: 30, soil: CACTUS_MIX, adultSize: 'Trailing strands 1–3 m long',
    growthRate: 'FAST', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Semi-succulent: let the soil dry out between waterings and water sparingly in winter. Bright light keeps the leaves marbled and the strands dense, and the small tubers along the stems root easily.',
  },
  {
    scientificName: 'Sedum morganianum',
    commonNames: ["Burro's tail", "Donkey's tail", "Lamb's tail"],
    family: 'Crassulaceae', origin: 'Southern Mexico (known only from cultivation)',
    difficulty: 'EASY', baseWateringIntervalDays: 14, lightNeed: 'DIRECT', humidityNeed: 'LOW',
    minTemperatureC: 7, maxTemperatureC: 30, soil: CACTUS_MIX, adultSize: 'Trailing stems 30–60 cm long',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: false, flowering: false,
    careNotes: 'Water deeply only when the soil is dry, and less in winter. Hang it in a sunny spot where it will not be brushed against: the plump leaves drop at the slightest knock, though they root readily.',
  },
  {
    scientificName: 'Rhapis excelsa',
    commonNames: ['Lady palm', 'Broadleaf lady palm'],
    family: 'Arecaceae', origin: 'Southern China and northern Vietnam',
    difficulty: 'EASY', baseWateringIntervalDays: 8, lightNeed: 'MEDIUM', humidityNeed: 'MEDIUM',
    minTemperatureC: 10, maxTemperatureC: 30, soil: STANDARD_MIX, adultSize: '1–2 m tall indoors',
    growthRate: 'SLOW', toxicToPets: false, toxicToHumans: false, airPurifying: true, flowering: false,
    careNotes: 'Water when the top few centimetres are dry; it tolerates lower light and cooler rooms than most palms. Brown tips usually mean fluoride or salt build-up, so flush the pot with plain water now and then.',
  },
];
