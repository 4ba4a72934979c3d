import type { Lang } from '../types.js';

/** A text in the three languages. */
type Texts = Record<Lang, string>;

/** A course as seeded: its texts in every language, its weekly slots in Baghdad time. */
export interface SeedCourse {
  id: string;
  code: string;
  title: Texts;
  teacher: Texts;
  schedule: { weekday: number; start: string; end: string }[];
}

/** A study material as seeded; its bytes are made from its id and version (see education.ts). */
export interface SeedMaterial {
  id: string;
  courseId: string;
  title: Texts;
  type: 'pdf' | 'video' | 'audio' | 'slides';
  size: number;
  /** Days before the sandbox's start of time it was published. */
  publishedDaysAgo: number;
}

/** A student: the citizen, their institution and stage, their courses. */
export interface SeedStudent {
  citizenId: string;
  id: string;
  institution: {
    id: string;
    name: Texts;
    kind: 'university' | 'college' | 'school';
    ministry: 'higher-education' | 'education';
  };
  stage: string;
  courses: SeedCourse[];
  materials: SeedMaterial[];
  announcements: { id: string; courseId?: string; title: Texts; body: Texts; daysAgo: number }[];
}

const KB = 1024;

/**
 * The sandbox's students (fictitious, as every sandbox identity): Ali (cit_01) studies at the
 * Ministry of Education's Open Educational College in Baghdad; Rezhin (cit_23) at the University
 * of Sulaimani; Yousif (cit_24) in the sixth preparatory grade of an evening secondary school in
 * Mosul (the Ministry of Education's schools for adults). Every other citizen is not a student.
 */
export const STUDENTS: SeedStudent[] = [
  {
    citizenId: 'cit_01',
    id: 'stu_0001',
    institution: {
      id: 'inst_open_college',
      name: {
        ar: 'الكلية التربوية المفتوحة — مركز بغداد',
        ckb: 'کۆلێژی پەروەردەیی کراوە — سەنتەری بەغدا',
        en: 'Open Educational College — Baghdad Centre',
      },
      kind: 'college',
      ministry: 'education',
    },
    stage: 'year-2',
    courses: [
      {
        id: 'crs_arabic',
        code: 'ARB201',
        title: { ar: 'قواعد اللغة العربية', ckb: 'ڕێزمانی زمانی عەرەبی', en: 'Arabic grammar' },
        teacher: {
          ar: 'د. سعاد مهدي الجبوري',
          ckb: 'د. سعاد مهدي الجبوري',
          en: 'Dr Suad Mahdi Al-Jubouri',
        },
        schedule: [
          { weekday: 0, start: '10:00', end: '11:00' },
          { weekday: 2, start: '10:00', end: '11:00' },
        ],
      },
      {
        id: 'crs_math',
        code: 'MTH202',
        title: { ar: 'الرياضيات', ckb: 'بیرکاری', en: 'Mathematics' },
        teacher: {
          ar: 'م. كريم عبد الله ناصر',
          ckb: 'م. كريم عبد الله ناصر',
          en: 'Karim Abdullah Nasser',
        },
        schedule: [{ weekday: 1, start: '12:00', end: '13:30' }],
      },
      {
        id: 'crs_pedagogy',
        code: 'EDU210',
        title: {
          ar: 'علم النفس التربوي',
          ckb: 'دەروونزانیی پەروەردەیی',
          en: 'Educational psychology',
        },
        teacher: {
          ar: 'د. ليلى حسن العاني',
          ckb: 'د. ليلى حسن العاني',
          en: 'Dr Layla Hasan Al-Ani',
        },
        schedule: [{ weekday: 3, start: '09:00', end: '10:30' }],
      },
    ],
    materials: [
      {
        id: 'mat_arabic_grammar',
        courseId: 'crs_arabic',
        title: {
          ar: 'ملزمة الفصل الأول: الجملة الاسمية',
          ckb: 'مەلزەمەی بەشی یەکەم: ڕستەی ناوی',
          en: 'Chapter 1 notes: the nominal sentence',
        },
        type: 'pdf',
        size: 1_248 * KB + 317,
        publishedDaysAgo: 12,
      },
      {
        id: 'mat_arabic_audio',
        courseId: 'crs_arabic',
        title: {
          ar: 'تسجيل صوتي: شرح الإعراب',
          ckb: 'تۆماری دەنگی: ڕوونکردنەوەی ئیعراب',
          en: 'Audio: parsing explained',
        },
        type: 'audio',
        size: 2_437 * KB + 51,
        publishedDaysAgo: 5,
      },
      {
        id: 'mat_math_exercises',
        courseId: 'crs_math',
        title: {
          ar: 'تمارين الأسبوع الثالث',
          ckb: 'ڕاهێنانەکانی هەفتەی سێیەم',
          en: 'Week 3 exercises',
        },
        type: 'pdf',
        size: 44 * KB + 811,
        publishedDaysAgo: 3,
      },
      {
        id: 'mat_math_slides',
        courseId: 'crs_math',
        title: {
          ar: 'شرائح المحاضرة: المعادلات',
          ckb: 'سلایدەکانی وانە: هاوکێشەکان',
          en: 'Lecture slides: equations',
        },
        type: 'slides',
        size: 642 * KB + 90,
        publishedDaysAgo: 8,
      },
      {
        id: 'mat_pedagogy_video',
        courseId: 'crs_pedagogy',
        title: {
          ar: 'فيديو: مراحل النمو عند بياجيه',
          ckb: 'ڤیدیۆ: قۆناغەکانی گەشە لای پیاژێ',
          en: "Video: Piaget's stages of development",
        },
        type: 'video',
        size: 2_548 * KB + 777,
        publishedDaysAgo: 20,
      },
    ],
    announcements: [
      {
        id: 'ann_exam_dates',
        title: {
          ar: 'مواعيد الامتحانات الفصلية',
          ckb: 'کاتی تاقیکردنەوە وەرزییەکان',
          en: 'Term exam dates',
        },
        body: {
          ar: 'تبدأ الامتحانات الفصلية يوم الأحد القادم. راجع جدولك في صفحة المقررات.',
          ckb: 'تاقیکردنەوە وەرزییەکان یەکشەممەی داهاتوو دەست پێدەکەن. خشتەکەت لە پەڕەی وانەکان ببینە.',
          en: 'Term exams start next Sunday. Check your timetable on the courses page.',
        },
        daysAgo: 1,
      },
      {
        id: 'ann_math_room',
        courseId: 'crs_math',
        title: { ar: 'محاضرة تعويضية', ckb: 'وانەی قەرەبوو', en: 'Make-up lecture' },
        body: {
          ar: 'محاضرة تعويضية للرياضيات يوم الخميس الساعة ١٢ ظهراً عبر الإنترنت.',
          ckb: 'وانەیەکی قەرەبووی بیرکاری پێنجشەممە کاتژمێر ١٢ی نیوەڕۆ بە ئۆنلاین.',
          en: 'A make-up mathematics lecture on Thursday at noon, online.',
        },
        daysAgo: 4,
      },
    ],
  },
  {
    citizenId: 'cit_23',
    id: 'stu_0023',
    institution: {
      id: 'inst_sulaimani',
      name: { ar: 'جامعة السليمانية', ckb: 'زانکۆی سلێمانی', en: 'University of Sulaimani' },
      kind: 'university',
      ministry: 'higher-education',
    },
    stage: 'year-3',
    courses: [
      {
        id: 'crs_software',
        code: 'CSE301',
        title: { ar: 'هندسة البرمجيات', ckb: 'ئەندازیاریی نەرمەکاڵا', en: 'Software engineering' },
        teacher: { ar: 'د. شوان عمر', ckb: 'د. شوان عومەر', en: 'Dr Shwan Omar' },
        schedule: [{ weekday: 0, start: '08:30', end: '10:00' }],
      },
      {
        id: 'crs_networks',
        code: 'CSE305',
        title: { ar: 'شبكات الحاسوب', ckb: 'تۆڕەکانی کۆمپیوتەر', en: 'Computer networks' },
        teacher: { ar: 'د. ئاوات كريم', ckb: 'د. ئاوات کەریم', en: 'Dr Awat Karim' },
        schedule: [{ weekday: 2, start: '11:00', end: '12:30' }],
      },
    ],
    materials: [
      {
        id: 'mat_software_notes',
        courseId: 'crs_software',
        title: {
          ar: 'ملاحظات المحاضرة الأولى',
          ckb: 'تێبینییەکانی وانەی یەکەم',
          en: 'Lecture 1 notes',
        },
        type: 'pdf',
        size: 903 * KB + 12,
        publishedDaysAgo: 6,
      },
      {
        id: 'mat_networks_slides',
        courseId: 'crs_networks',
        title: {
          ar: 'شرائح: نموذج OSI',
          ckb: 'سلایدەکان: مۆدێلی OSI',
          en: 'Slides: the OSI model',
        },
        type: 'slides',
        size: 1_530 * KB + 400,
        publishedDaysAgo: 2,
      },
    ],
    announcements: [],
  },
  {
    citizenId: 'cit_24',
    id: 'stu_0024',
    institution: {
      id: 'inst_mosul_evening',
      name: {
        ar: 'إعدادية الموصل المسائية للبنين',
        ckb: 'ئامادەیی ئێوارانی موسڵ بۆ کوڕان',
        en: 'Mosul Evening Preparatory School for Boys',
      },
      kind: 'school',
      ministry: 'education',
    },
    stage: 'grade-12',
    courses: [
      {
        id: 'crs_physics',
        code: 'PHY12',
        title: { ar: 'الفيزياء', ckb: 'فیزیا', en: 'Physics' },
        teacher: { ar: 'أ. نبيل يونس', ckb: 'م. نەبیل یونس', en: 'Nabil Younis' },
        schedule: [{ weekday: 0, start: '17:00', end: '17:45' }],
      },
      {
        id: 'crs_english',
        code: 'ENG12',
        title: { ar: 'اللغة الإنكليزية', ckb: 'زمانی ئینگلیزی', en: 'English' },
        teacher: { ar: 'أ. رنا طارق', ckb: 'م. ڕەنا تاریق', en: 'Rana Tariq' },
        schedule: [{ weekday: 1, start: '18:00', end: '18:45' }],
      },
    ],
    materials: [
      {
        id: 'mat_physics_chapter',
        courseId: 'crs_physics',
        title: { ar: 'الفصل الثاني: الحركة', ckb: 'بەشی دووەم: جووڵە', en: 'Chapter 2: motion' },
        type: 'pdf',
        size: 780 * KB + 5,
        publishedDaysAgo: 4,
      },
    ],
    announcements: [
      {
        id: 'ann_ministerial_exams',
        title: {
          ar: 'الامتحانات الوزارية',
          ckb: 'تاقیکردنەوە نیشتمانییەکان',
          en: 'Ministerial exams',
        },
        body: {
          ar: 'تُعلن جداول الامتحانات الوزارية للسادس الإعدادي قريباً.',
          ckb: 'خشتەی تاقیکردنەوە نیشتمانییەکانی پۆلی شەشی ئامادەیی بەم زووانە ڕادەگەیەنرێت.',
          en: 'The ministerial exam timetable for the sixth preparatory grade will be announced soon.',
        },
        daysAgo: 2,
      },
    ],
  },
];
