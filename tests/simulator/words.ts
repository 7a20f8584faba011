/**
 * Word lists for invented, realistic-sounding track titles and artist names. Nothing here is a real
 * song or a real artist; any resemblance is an accident of common words.
 */
import type { Rng } from './rng';

export type Lang =
  | 'en'
  | 'es'
  | 'pt'
  | 'fr'
  | 'de'
  | 'ja'
  | 'ko'
  | 'ru'
  | 'zh'
  | 'ar'
  | 'he'
  | 'hi'
  | 'id'
  | 'tr';

const EN_ADJ = [
  'Midnight',
  'Golden',
  'Neon',
  'Velvet',
  'Electric',
  'Silent',
  'Broken',
  'Wild',
  'Lucky',
  'Crystal',
  'Summer',
  'Paper',
  'Lonely',
  'Cosmic',
  'Sweet',
  'Dirty',
  'Faded',
  'Rainy',
  'Sunday',
  'Restless',
  'Purple',
  'Heavy',
  'Slow',
  'Bright',
  'Hollow',
  'Tiny',
  'Endless',
  'Crazy',
  'Quiet',
  'Burning',
];
const EN_NOUN = [
  'Drive',
  'Hearts',
  'Signals',
  'Skyline',
  'Static',
  'Fever',
  'Shadows',
  'Waves',
  'Mirrors',
  'Runaway',
  'Horizon',
  'Lights',
  'Motel',
  'Echoes',
  'Satellite',
  'Gravity',
  'Daydream',
  'Highway',
  'Garden',
  'Rhythm',
  'Thunder',
  'Roses',
  'Avenue',
  'Polaroid',
  'Heatwave',
  'Paradise',
  'Pulse',
  'Moonlight',
  'Sirens',
  'Groove',
];
const EN_TAIL = [
  '',
  '',
  '',
  '',
  ' (Remix)',
  ' (Sped Up)',
  ' (Slowed)',
  ' - Radio Edit',
  ' (feat. Lumi)',
  ' Pt. 2',
  ' (Acoustic)',
];
const EN_FIRST = [
  'Mae',
  'Jonah',
  'Ivy',
  'Theo',
  'Nova',
  'Eli',
  'Sadie',
  'Remy',
  'Juno',
  'Otis',
  'Luna',
  'Kai',
  'Wren',
  'Ezra',
  'Talia',
  'Milo',
  'Sol',
  'Ada',
  'Felix',
  'Zara',
];
const EN_LAST = [
  'Carver',
  'Holloway',
  'Reyes',
  'Lindqvist',
  'Okafor',
  'Marlowe',
  'Vance',
  'Ashby',
  'Quinn',
  'Delacroix',
  'Brightwater',
  'Sato',
  'Kowalski',
  'Fontaine',
  'Hart',
  'Moreau',
  'Bishop',
  'Adeyemi',
  'Castellano',
  'Frost',
];
const BAND_A = ['The', 'DJ', 'Lil', 'MC', 'Young', 'Saint', 'Big', 'Dr.'];
const BAND_B = [
  'Glovelity',
  'Neon Tigers',
  'Paper Moons',
  'Kid Static',
  'Velvet Arcade',
  'Orbitone',
  'Sunfold',
  'Moss & Co',
  'Low Tide',
  'Cassette Club',
  'Hexa',
  'Brightside Kids',
  'Nightjar',
  'Cloudhopper',
  'Wavetable',
  'Ferro',
];

const ES_TITLE_A = [
  'Noche',
  'Corazón',
  'Fuego',
  'Baila',
  'Luna',
  'Calle',
  'Verano',
  'Besos',
  'Sueño',
  'Cielo',
  'Ritmo',
  'Mañana',
];
const ES_TITLE_B = [
  'de Verano',
  'Loca',
  'Sin Ti',
  'en la Playa',
  'Conmigo',
  'Caliente',
  'Bonita',
  'del Mar',
  'Perreo',
  'Tropical',
];
const ES_ARTIST = [
  'Los Hermanos Ruiz',
  'Valentina Sol',
  'Mateo Cruz',
  'La Brisa',
  'Camila Ríos',
  'DJ Pérez',
  'Nico Álvarez',
  'Sofía Luz',
];
const PT_TITLE_A = [
  'Saudade',
  'Coração',
  'Praia',
  'Batida',
  'Sol',
  'Noite',
  'Menina',
  'Baile',
  'Samba',
  'Festa',
];
const PT_TITLE_B = [
  'do Rio',
  'de Verão',
  'Sem Fim',
  'da Favela',
  'Carioca',
  'Dourada',
  'em Copacabana',
  'no Morro',
];
const PT_ARTIST = ['MC Joãozinho', 'Ana Beatriz', 'Trio Ipanema', 'DJ Caçula', 'Lucas Araújo', 'Bruna Lima'];
const FR_TITLE = [
  'Café Noché',
  'Sous la Pluie',
  'Mon Cœur',
  'La Vie Douce',
  'Été Éternel',
  'Rêverie',
  'Après Minuit',
  'Bisou Bisou',
];
const FR_ARTIST = ['Chloé Moreau', 'Les Étoiles', 'Hélène Dubois', 'Zoé & Rémi', 'Garçon Sauvage'];
const DE_TITLE = [
  'Sommernacht',
  'Herzschlag',
  'Fernweh',
  'Großstadtlichter',
  'Über den Wolken',
  'Mitternacht',
  'Straßenfest',
];
const DE_ARTIST = ['Jonas Brückner', 'Die Nachtfalter', 'Lena Schäfer', 'Klangwerk', 'Fräulein Sonne'];
const JA_TITLE = [
  '夜に駆ける光',
  '桜の約束',
  '東京ミッドナイト',
  '君とサマーデイズ',
  '星降る街',
  'さよならの向こう',
  '青い春',
  '恋のメロディー',
  'ネオンの雨',
];
const JA_ARTIST = ['ミドリ', '夜空ノート', 'ハルカ', 'サクラビート', '星野ユウ', 'トウキョウ・ドリーム'];
const KO_TITLE = [
  '너에게로',
  '밤하늘의 별',
  '첫사랑',
  '여름밤',
  '사랑의 노래',
  '다시 만나',
  '봄날의 기억',
  '네온 시티',
];
const KO_ARTIST = ['하늘소녀', '별빛', '김하늘', '블루문', '소울메이트', '새벽'];
const RU_TITLE = [
  'Белые ночи',
  'Звёзды над Москвой',
  'Танцуй со мной',
  'Зимний вечер',
  'Любовь и дождь',
  'Последний поезд',
  'Мечта',
];
const RU_ARTIST = ['Анна Северная', 'Группа Рассвет', 'Дима Волков', 'Кристина Лед', 'Ночные Огни'];
const ZH_TITLE = ['月光下的你', '夏天的风', '星空', '城市之光', '再见青春', '爱的旋律', '雨中漫步'];
const ZH_ARTIST = ['林小雨', '星辰乐队', '陈思', '晚风', '白鸽'];
const AR_TITLE = ['ليالي الصيف', 'قلبي معك', 'يا حبيبي', 'نجوم الليل', 'أحلام', 'على البحر'];
const AR_ARTIST = ['نور الهدى', 'فرقة القمر', 'سامي', 'ليلى'];
const HE_TITLE = ['שיר של אהבה', 'לילה טוב', 'ים של אור', 'בוא אליי'];
const HE_ARTIST = ['נועה', 'להקת הים', 'דניאל'];
const HI_TITLE = ['दिल की बातें', 'चाँदनी रात', 'सपनों का शहर', 'बारिश'];
const HI_ARTIST = ['आरव', 'प्रिया', 'धुन बैंड'];
const ID_TITLE = ['Rindu Kamu', 'Senja di Bali', 'Cinta Pertama', 'Malam Minggu', 'Jalan Pulang'];
const ID_ARTIST = ['Putri Ayu', 'Band Pelangi', 'Dimas', 'Sinar'];
const TR_TITLE = ['Gece Yarısı', 'Aşkın Şarkısı', 'Yaz Rüzgârı', 'İstanbul Işıkları'];
const TR_ARTIST = ['Elif Güneş', 'Mavi Deniz', 'Kaan'];

export function englishTitle(rng: Rng): string {
  const base = rng.chance(0.35)
    ? rng.pick(EN_NOUN)
    : rng.chance(0.5)
      ? `${rng.pick(EN_ADJ)} ${rng.pick(EN_NOUN)}`
      : `${rng.pick(EN_NOUN)} of ${rng.pick(EN_ADJ)} ${rng.pick(EN_NOUN)}`;
  return base + rng.pick(EN_TAIL);
}

export function englishArtist(rng: Rng): string {
  const r = rng.next();
  if (r < 0.45) return `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)}`;
  if (r < 0.75) return rng.pick(BAND_B);
  if (r < 0.9) return `${rng.pick(BAND_A)} ${rng.pick(EN_LAST)}`;
  return `${rng.pick(EN_FIRST)} ${rng.pick(EN_LAST)} & ${rng.pick(BAND_B)}`;
}

/** A title and an artist in the given language. */
export function titleAndArtist(rng: Rng, lang: Lang): { title: string; artist: string } {
  switch (lang) {
    case 'es':
      return { title: `${rng.pick(ES_TITLE_A)} ${rng.pick(ES_TITLE_B)}`, artist: rng.pick(ES_ARTIST) };
    case 'pt':
      return { title: `${rng.pick(PT_TITLE_A)} ${rng.pick(PT_TITLE_B)}`, artist: rng.pick(PT_ARTIST) };
    case 'fr':
      return { title: rng.pick(FR_TITLE), artist: rng.pick(FR_ARTIST) };
    case 'de':
      return { title: rng.pick(DE_TITLE), artist: rng.pick(DE_ARTIST) };
    case 'ja':
      return { title: rng.pick(JA_TITLE), artist: rng.pick(JA_ARTIST) };
    case 'ko':
      return { title: rng.pick(KO_TITLE), artist: rng.pick(KO_ARTIST) };
    case 'ru':
      return { title: rng.pick(RU_TITLE), artist: rng.pick(RU_ARTIST) };
    case 'zh':
      return { title: rng.pick(ZH_TITLE), artist: rng.pick(ZH_ARTIST) };
    case 'ar':
      return { title: rng.pick(AR_TITLE), artist: rng.pick(AR_ARTIST) };
    case 'he':
      return { title: rng.pick(HE_TITLE), artist: rng.pick(HE_ARTIST) };
    case 'hi':
      return { title: rng.pick(HI_TITLE), artist: rng.pick(HI_ARTIST) };
    case 'id':
      return { title: rng.pick(ID_TITLE), artist: rng.pick(ID_ARTIST) };
    case 'tr':
      return { title: rng.pick(TR_TITLE), artist: rng.pick(TR_ARTIST) };
    default:
      return { title: englishTitle(rng), artist: englishArtist(rng) };
  }
}

const ALBUM_WORDS = [
  'Singles',
  'Deluxe Edition',
  'Sessions',
  'Vol. 1',
  'Vol. 2',
  'Live at the Roxy',
  'EP',
  'Anthology',
  'B-Sides',
];

/** An album name for a track; empty strings are common for user-uploaded sounds. */
export function albumName(rng: Rng, title: string): string {
  const r = rng.next();
  if (r < 0.3) return '';
  if (r < 0.5) return 'Singles';
  if (r < 0.7) return `${title.split(' (')[0]} - Single`;
  return `${rng.pick(EN_ADJ)} ${rng.pick(ALBUM_WORDS)}`;
}
