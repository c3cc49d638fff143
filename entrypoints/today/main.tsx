import { mount } from '@/components/mount';
import { TodayApp } from '@/components/today/TodayApp';

mount(<TodayApp />);
