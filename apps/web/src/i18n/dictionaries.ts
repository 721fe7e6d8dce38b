import { OPS_EN, OPS_ZH_CN } from './ops-messages';
import { REPLAY_EN, REPLAY_ZH_CN } from './replay-messages';
import { INSIGHTS_EN, INSIGHTS_ZH_CN } from './insights-messages';
import { AUTH_EN, AUTH_ZH_CN } from './auth-messages';
import { BIKES_EN, BIKES_ZH_CN } from './bikes-messages';
import { WATER_EN, WATER_ZH_CN } from './water-messages';
import { REPLAY_DOMAINS_EN, REPLAY_DOMAINS_ZH_CN } from './replay-domains-messages';

/** Every text of the screens, in Simplified Chinese (the default). Keys are shared with {@link EN}. */
export const ZH_CN = {
  'app.title': '城市大脑 · 运行监测',
  'app.subtitle': '交通运行态势',
  'app.loading': '正在加载城市数据…',
  'app.error': '画面暂时无法显示',
  'app.retrying': '{seconds} 秒后自动重试',
  'app.retry': '立即重试',
  'app.notFound': '没有这个页面',
  'status.live': '实时',
  'status.connecting': '连接中',
  'status.disconnected': '连接中断',
  'status.updated': '{age}前更新',
  'status.stale': '数据已过时',
  'status.staleAge': '最新数据距今 {age}',
  'status.noData': '暂无有效数据',
  'kpi.tti': '路网通行时间指数',
  'kpi.tpi': '交通拥堵指数',
  'kpi.speed': '平均车速',
  'kpi.congested': '拥堵里程占比',
  'kpi.coverage': '数据覆盖率',
  'kpi.segments': '{count} 个路段',
  'unit.kmh': '公里/小时',
  'chart.title': '路网通行时间指数 · 今日',
  'ranking.title': '各区拥堵指数排名',
  'legend.segments': '路段拥堵等级',
  'legend.districts': '区域拥堵指数',
  'legend.width': '线越粗越拥堵',
  'level.0': '无数据',
  'level.1': '畅通',
  'level.2': '基本畅通',
  'level.3': '轻度拥堵',
  'level.4': '中度拥堵',
  'level.5': '严重拥堵',
  'lang.switch': 'EN',
  'time.seconds': '{n} 秒',
  'time.minutes': '{n} 分钟',
  'time.hours': '{n} 小时',
  ...OPS_ZH_CN,
  ...REPLAY_ZH_CN,
  ...INSIGHTS_ZH_CN,
  ...AUTH_ZH_CN,
  ...BIKES_ZH_CN,
  ...WATER_ZH_CN,
  ...REPLAY_DOMAINS_ZH_CN,
} as const;

/** Message keys, one set for every language. */
export type MessageKey = keyof typeof ZH_CN;

/** Every text of the screens, in English. */
export const EN: Record<MessageKey, string> = {
  'app.title': 'City Brain Ops',
  'app.subtitle': 'Traffic situation',
  'app.loading': 'Loading city data…',
  'app.error': 'The screen cannot be shown right now',
  'app.retrying': 'Retrying in {seconds} s',
  'app.retry': 'Retry now',
  'app.notFound': 'No such page',
  'status.live': 'Live',
  'status.connecting': 'Connecting',
  'status.disconnected': 'Disconnected',
  'status.updated': 'updated {age} ago',
  'status.stale': 'Data stale',
  'status.staleAge': 'newest data is {age} old',
  'status.noData': 'no valid data',
  'kpi.tti': 'Network TTI',
  'kpi.tpi': 'Congestion index (TPI)',
  'kpi.speed': 'Mean speed',
  'kpi.congested': 'Congested length',
  'kpi.coverage': 'Coverage',
  'kpi.segments': '{count} segments',
  'unit.kmh': 'km/h',
  'chart.title': 'Network TTI · today',
  'ranking.title': 'Districts by congestion (TPI)',
  'legend.segments': 'Segment level',
  'legend.districts': 'District TPI',
  'legend.width': 'thicker = more congested',
  'level.0': 'No data',
  'level.1': 'Free',
  'level.2': 'Light',
  'level.3': 'Mild',
  'level.4': 'Moderate',
  'level.5': 'Severe',
  'lang.switch': '中文',
  'time.seconds': '{n} s',
  'time.minutes': '{n} min',
  'time.hours': '{n} h',
  ...OPS_EN,
  ...REPLAY_EN,
  ...INSIGHTS_EN,
  ...AUTH_EN,
  ...BIKES_EN,
  ...WATER_EN,
  ...REPLAY_DOMAINS_EN,
};

/** Supported screen languages. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Dictionary per locale. */
export const DICTIONARIES: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = {
  'zh-CN': ZH_CN,
  en: EN,
};
