import { mount } from '@/components/mount';
import { PanelApp } from '@/components/sidepanel/PanelApp';

mount(<PanelApp />);
