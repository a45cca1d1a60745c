// German strings of the booking page's first render (title, intro, topics).
export default {
  title: 'Videotermin buchen',
  intro:
    'Sprechen Sie per Video mit einer Beraterin oder einem Berater. Sie brauchen nur ein Handy oder einen Computer mit Browser.',
  topic: '1. Thema wählen',
  minutes: (n: number) => `${n} Minuten`,
};
