/** Common Swedish first and last names (SCB's lists), for made-up demo people. */
export const firstNames = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Kristina', 'Lena', 'Emma', 'Kerstin', 'Ingrid',
  'Marie', 'Malin', 'Jenny', 'Hanna', 'Linnéa', 'Elin', 'Ida', 'Johanna', 'Sofia', 'Åsa',
  'Birgitta', 'Ulla', 'Cecilia', 'Annika', 'Helena', 'Camilla', 'Frida', 'Matilda', 'Märta', 'Ebba',
  'Lars', 'Mikael', 'Anders', 'Johan', 'Erik', 'Per', 'Karl', 'Peter', 'Thomas', 'Jan',
  'Daniel', 'Fredrik', 'Hans', 'Andreas', 'Stefan', 'Mohammad', 'Magnus', 'Mats', 'Jonas', 'Björn',
  'Oskar', 'Henrik', 'Niklas', 'Patrik', 'Göran', 'Åke', 'Örjan', 'Sören', 'Ali', 'Emil',
] as const;

export const lastNames = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
  'Lindström', 'Lindqvist', 'Lindgren', 'Axelsson', 'Berg', 'Bergström', 'Lundberg', 'Lundgren', 'Lundqvist', 'Mattsson',
  'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund', 'Danielsson',
  'Håkansson', 'Lundin', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson', 'Fransson',
  'Öberg', 'Åberg', 'Ström', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist',
] as const;

/** An e-mail-safe form of a name: "Åsa Öberg" → "asa.oberg". */
export function emailLocalPart(firstName: string, lastName: string): string {
  const fold = (text: string) =>
    text
      .toLocaleLowerCase('sv')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '');
  return `${fold(firstName)}.${fold(lastName)}`;
}
