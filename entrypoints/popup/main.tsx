import { mount } from '@/components/mount';
import { PopupApp } from '@/components/popup/PopupApp';

mount(<PopupApp />);
